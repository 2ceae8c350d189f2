package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The words by which a message says how a value in it was disguised: written backwards ({@code reversedCues}), or with
 * a mark to take out ({@code removedMarks}); and labels in another language ({@code translatedLabels}). They are
 * keyword groups of the rule set's one keyword pass over a message ({@link #groups()}, after the rules' own), so
 * telling which a message says (most say none) costs nothing more; the readings undoing them run only then.
 */
final class ReadingCues {
    /** What a message says: a value written backwards, marks to take out of values, labels to translate (empty: none). */
    record Said(boolean reversed, List<MarkRemoval> removals, List<LabelTranslation> translations) {}

    private final List<MarkRemoval> removals;
    private final List<LabelTranslation> translations;
    private final boolean anyReversed;
    private final List<List<String>> groups = new ArrayList<>();

    ReadingCues(List<String> reversedCues, List<MarkRemoval> removals, List<LabelTranslation> translations) {
        this.removals = List.copyOf(removals);
        this.translations = List.copyOf(translations);
        this.anyReversed = !reversedCues.isEmpty();
        // a keyword group without words would always match: the reversal words are a group only when there are some
        if (anyReversed) groups.add(List.copyOf(reversedCues));
        for (MarkRemoval r : removals) groups.add(r.cues());
        for (LabelTranslation t : translations) groups.add(t.words());
    }

    /** The keyword groups, in order: the reversal words (when any), then each removal's words, then each translation's. */
    List<List<String>> groups() { return groups; }

    /** What a text says, from the keyword groups found in it ({@code found}, group k at bit {@code offset + k}); null: nothing. */
    Said said(BitSet found, int offset) {
        if (groups.isEmpty() || found.nextSetBit(offset) < 0) return null;
        int shift = offset + (anyReversed ? 1 : 0);
        boolean reversed = anyReversed && found.get(offset);
        List<MarkRemoval> said = new ArrayList<>(1);
        for (int i = 0; i < removals.size(); i++) if (found.get(shift + i)) said.add(removals.get(i));
        List<LabelTranslation> labels = new ArrayList<>(0);
        int labelShift = shift + removals.size();
        for (int i = 0; i < translations.size(); i++) if (found.get(labelShift + i)) labels.add(translations.get(i));
        return reversed || !said.isEmpty() || !labels.isEmpty() ? new Said(reversed, said, labels) : null;
    }
}
