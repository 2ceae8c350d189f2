package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A mark a message may say to take out of a value, and the words that say so ({@code [context] removedMarks} in a rule
 * file): "点去掉就行" for ".", "横杠去掉" for "-", "remove the spaces" for " ". Cues are lower case.
 */
public record MarkRemoval(char mark, List<String> cues) {
    public MarkRemoval {
        cues = List.copyOf(cues);
    }

    boolean saidIn(String lower) {
        for (String c : cues) if (lower.contains(c)) return true;
        return false;
    }
}
