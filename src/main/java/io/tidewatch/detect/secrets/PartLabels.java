package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * How a message names the parts of a value handed over in pieces ({@code [context] partLabel} in a rule file):
 * "part 1", "first half", "last 8", "前六位", "后面". {@code keywords}: words one of which a message must hold before
 * the label pattern runs on it (most messages hold none).
 */
public record PartLabels(Pattern label, List<String> keywords) {
    public PartLabels {
        keywords = List.copyOf(keywords);
    }

    /** Whether the lower-cased text may hold a label. */
    boolean mayHold(String lower) {
        for (String k : keywords) if (lower.contains(k)) return true;
        return false;
    }
}
