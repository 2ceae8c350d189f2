package io.tidewatch.web;

import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;

import java.util.Comparator;
import java.util.List;

/**
 * A message as the sandbox shows it back: every secret the detectors found replaced by a fixed mask
 * (its length is not revealed), so the page, the session's history and the answer never hold it.
 */
final class MaskedText {
    static final String MASK = "••••••";

    private MaskedText() {}

    static String of(String text, List<Finding> findings) {
        List<Finding> secrets = findings.stream().filter(f -> f.category() == Category.SECRET && f.end() > f.start())
                .sorted(Comparator.comparingInt(Finding::start)).toList();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Finding f : secrets) {
            int start = Math.min(f.start(), text.length());
            int end = Math.min(f.end(), text.length());
            if (end <= at) continue;
            if (start < at) { // overlaps the previous secret: the mask covers both
                at = end;
                continue;
            }
            out.append(text, at, start).append(MASK);
            at = end;
        }
        return out.append(text.substring(at)).toString();
    }
}
