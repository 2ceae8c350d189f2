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
    /** Each writer's tuning questions; "first" and "messy" came from the project, the rest from outside writers. */
    private static final Map<String, String> WRITERS = new LinkedHashMap<>();
    static {
        WRITERS.put("first", "questions.tsv");
        WRITERS.put("messy", "questions-messy-tuning.tsv");
        WRITERS.put("fresh", "questions-fresh-tuning.tsv");
        WRITERS.put("second", "questions-train2.tsv");
        WRITERS.put("third", "questions-messy2-tuning.tsv");
        WRITERS.put("fourth", "questions-fourth-tuning.tsv");
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
                for (TopicMatchingTest.Case c : cases) if (matcher.match(c.question()).topic().equals(c.topic())) ok++;
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
    }
}
