package io.tidewatch.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave-one-writer-out cross-validation of topic matching, for tuning by hand (not a regression test:
 * run it with {@code mvn -q test -Dtest=TopicCrossValidation}). Each writer's tuning questions are
 * taken out of training.tsv, the matcher learns from the rest, and is scored on that writer: an estimate
 * of how a change does on a writer nobody has seen, where the tuning-set scores only show what it memorized.
 * Held-out files are never read here.
 */
class TopicCrossValidation {
    /** {@code -Dcv.misses=true} lists each fold's misses (all tuning questions, so they may be read). */
    private static final boolean SHOW_MISSES = Boolean.getBoolean("cv.misses");
    /** Each writer's tuning questions; "first" and "messy" came from the project, the rest from outside writers. */
    private static final Map<String, String> WRITERS = new LinkedHashMap<>();
    static {
        WRITERS.put("first", "questions.tsv");
        WRITERS.put("messy", "questions-messy-tuning.tsv");
        WRITERS.put("fresh", "questions-fresh-tuning.tsv");
        WRITERS.put("second", "questions-train2.tsv");
        WRITERS.put("third", "questions-messy2-tuning.tsv");
        WRITERS.put("fourth", "questions-fourth-tuning.tsv");
        WRITERS.put("fifth", "questions-fifth-tuning.tsv");
        WRITERS.put("sixth", "questions-sixth-tuning.tsv");
        WRITERS.put("seventh", "questions-seventh-tuning.tsv");
        WRITERS.put("eighth", "questions-eighth-tuning.tsv");
        WRITERS.put("ninth", "questions-ninth-tuning.tsv");
        WRITERS.put("tenth", "questions-tenth-tuning.tsv");
        WRITERS.put("eleventh", "questions-eleventh-tuning.tsv");
        WRITERS.put("twelfth", "questions-twelfth-tuning.tsv");
        WRITERS.put("thirteenth", "questions-thirteenth-tuning.tsv");
        WRITERS.put("fourteenth", "questions-fourteenth-tuning.tsv");
        WRITERS.put("fifteenth", "questions-fifteenth-tuning.tsv"); // not in training.tsv: scored as a writer nobody saw
        WRITERS.put("sixteenth", "questions-sixteenth-tuning.tsv");
        WRITERS.put("seventeenth", "questions-seventeenth-tuning.tsv");
        WRITERS.put("eighteenth", "questions-eighteenth-tuning.tsv");
        WRITERS.put("nineteenth", "questions-nineteenth-tuning.tsv"); // not in training.tsv either
        WRITERS.put("twentieth", "questions-twentieth-tuning.tsv"); // not in training.tsv (yet)
    }

    @Test
    void leave_one_writer_out() throws IOException {
        SupportRules rules = SupportRulesLoader.load(Path.of("rules"));
        int right = 0, total = 0, outsideRight = 0, outsideTotal = 0;
        for (var writer : WRITERS.entrySet()) {
            List<TopicMatchingTest.Case> cases = TopicMatchingTest.table(writer.getValue());
            Set<String> theirs = new HashSet<>();
            cases.forEach(c -> theirs.add(c.question().strip()));
            List<TopicMatcher.Labeled> others = rules.training().stream().filter(l -> !theirs.contains(l.text())).toList();
            SupportRules without = new SupportRules(rules.settings(), rules.topics(), rules.languages(), others);
            int ok = 0;
            try (TopicMatcher matcher = SupportResponder.topicMatcher(without)) {
                for (TopicMatchingTest.Case c : cases) {
                    String got = matcher.match(c.question()).topic();
                    if (got.equals(c.topic())) ok++;
                    else if (SHOW_MISSES) System.out.printf("  %s miss: %s -> %s (expected %s)%n", writer.getKey(), c.question(), got, c.topic());
                }
            }
            System.out.printf("cross-validation %-7s %3d/%3d = %.3f%n", writer.getKey(), ok, cases.size(), (double) ok / cases.size());
            right += ok;
            total += cases.size();
            if (!writer.getKey().equals("first") && !writer.getKey().equals("messy")) {
                outsideRight += ok;
                outsideTotal += cases.size();
            }
        }
        System.out.printf("cross-validation all     %d/%d = %.3f; outside writers %d/%d = %.3f%n",
                right, total, (double) right / total, outsideRight, outsideTotal, (double) outsideRight / outsideTotal);
        seenWriter(rules);
        try (TopicMatcher matcher = SupportResponder.topicMatcher(rules)) {
            List<String> questions = WRITERS.values().stream().flatMap(f -> {
                try { return TopicMatchingTest.table(f).stream().map(TopicMatchingTest.Case::question); }
                catch (IOException e) { throw new java.io.UncheckedIOException(e); }
            }).toList();
            questions.forEach(matcher::match);   // warm up
            long start = System.nanoTime();
            for (int round = 0; round < 3; round++) questions.forEach(matcher::match);
            System.out.printf("match time: %.3f ms per question%n", (System.nanoTime() - start) / 1e6 / (3.0 * questions.size()));
        }
    }

    /**
     * The held-out halves' situation: the writer's other questions are learned from. Each writer's tuning
     * questions are split in two by hash parity; each half is scored with the other half in training.
     */
    private static void seenWriter(SupportRules rules) throws IOException {
        int right = 0, total = 0;
        StringBuilder line = new StringBuilder();
        for (var writer : WRITERS.entrySet()) {
            List<TopicMatchingTest.Case> cases = TopicMatchingTest.table(writer.getValue());
            int ok = 0;
            for (int parity = 0; parity < 2; parity++) {
                final int p = parity;
                List<TopicMatchingTest.Case> half = cases.stream().filter(c -> (c.question().strip().hashCode() & 1) == p).toList();
                Set<String> theirs = new HashSet<>();
                half.forEach(c -> theirs.add(c.question().strip()));
                List<TopicMatcher.Labeled> others = rules.training().stream().filter(l -> !theirs.contains(l.text())).toList();
                try (TopicMatcher matcher = SupportResponder.topicMatcher(
                        new SupportRules(rules.settings(), rules.topics(), rules.languages(), others))) {
                    for (TopicMatchingTest.Case c : half) if (matcher.match(c.question()).topic().equals(c.topic())) ok++;
                }
            }
            line.append(String.format(" %s %.3f", writer.getKey(), (double) ok / cases.size()));
            right += ok;
            total += cases.size();
        }
        System.out.printf("cross-validation seen writer, other half held out:%s; all %d/%d = %.3f%n", line, right, total, (double) right / total);
    }
}
