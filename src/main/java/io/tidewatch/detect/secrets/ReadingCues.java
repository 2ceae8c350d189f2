package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The words by which a message says how a value in it was disguised: written backwards ({@code reversedCues}), or with
 * a mark to take out ({@code removedMarks}). They are keyword groups of the rule set's one keyword pass over a message
 * ({@link #groups()}, after the rules' own), so telling which a message says (most say none) costs nothing more; the
 * readings undoing them run only then.
 */
final class ReadingCues {
    /** What a message says: a value written backwards, and the marks to take out of values (empty: none). */
    record Said(boolean reversed, List<MarkRemoval> removals) {}

    private final List<MarkRemoval> removals;
    private final boolean anyReversed;
    private final List<List<String>> groups = new ArrayList<>();

    ReadingCues(List<String> reversedCues, List<MarkRemoval> removals) {
        this.removals = List.copyOf(removals);
        this.anyReversed = !reversedCues.isEmpty();
        // a keyword group without words would always match: the reversal words are a group only when there are some
        if (anyReversed) groups.add(List.copyOf(reversedCues));
        for (MarkRemoval r : removals) groups.add(r.cues());
    }

    /** The keyword groups, in order: the reversal words (when any), then each removal's words. */
    List<List<String>> groups() { return groups; }

    /** What a text says, from the keyword groups found in it ({@code found}, group k at bit {@code offset + k}); null: nothing. */
    Said said(BitSet found, int offset) {
        if (groups.isEmpty() || found.nextSetBit(offset) < 0) return null;
        int shift = offset + (anyReversed ? 1 : 0);
        boolean reversed = anyReversed && found.get(offset);
        List<MarkRemoval> said = new ArrayList<>(1);
        for (int i = 0; i < removals.size(); i++) if (found.get(shift + i)) said.add(removals.get(i));
        return reversed || !said.isEmpty() ? new Said(reversed, said) : null;
    }
}
