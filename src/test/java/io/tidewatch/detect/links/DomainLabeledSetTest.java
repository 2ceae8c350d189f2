package io.tidewatch.detect.links;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recall (fuzzed and hand-written lookalikes) and false-positive rate (real sites) of the domain judge. */
class DomainLabeledSetTest {
    @Test
    void domains_labeled_set_recall_and_false_positive_rate() {
        int tp = 0, positives = 0, tpExpected = 0, expected = 0, fp = 0, negatives = 0;
        Map<String, int[]> byOperation = new TreeMap<>();
        for (BrandProfile brand : TestBrands.ALL.values()) {
            LookalikeDomainJudge judge = LookalikeDomainJudgeTest.judgeFor(brand);
            for (String domain : brand.brand().domains()) {
                String label = domain.substring(0, domain.indexOf('.'));
                var ops = LookalikeDomainJudgeTest.expectedOperations(label.length());
                for (var v : DomainFuzzer.fuzz(domain)) {
                    if (LookalikeDomainJudgeTest.RULES.allowlist().contains(v.domain()) || LookalikeDomainJudgeTest.isWord(v.domain())) continue;
                    boolean hit = judge.judge(v.domain()).suspicious();
                    positives++;
                    if (hit) tp++;
                    int[] counts = byOperation.computeIfAbsent(v.operation() + (label.length() < 5 ? " (short)" : ""), k -> new int[2]);
                    counts[1]++;
                    if (hit) counts[0]++;
                    if (ops.contains(v.operation())) { expected++; if (hit) tpExpected++; }
                }
            }
            for (String d : DomainCases.REAL_SITES) {
                negatives++;
                if (judge.judge(d).suspicious()) fp++;
            }
        }
        int handTp = 0, hand = 0;
        for (var e : DomainCases.PHISHING.entrySet()) {
            LookalikeDomainJudge judge = LookalikeDomainJudgeTest.judgeFor(TestBrands.ALL.get(e.getKey()));
            for (String d : e.getValue()) { hand++; if (judge.judge(d).suspicious()) handTp++; }
        }
        double fpr = (double) fp / negatives;
        System.out.printf(Locale.ROOT, "labeled domains: fuzzed recall %.3f (%d/%d; %.3f on operations expected for the label length, %d/%d), "
                        + "hand-written recall %.3f (%d/%d), false-positive rate %.4f (%d/%d)%n",
                (double) tp / positives, tp, positives, (double) tpExpected / expected, tpExpected, expected,
                (double) handTp / hand, handTp, hand, fpr, fp, negatives);
        byOperation.forEach((op, c) -> System.out.printf(Locale.ROOT, "  %-28s %d/%d%n", op, c[0], c[1]));
        assertTrue((double) tpExpected / expected >= 0.98);
        assertTrue((double) handTp / hand >= 0.95);
        assertTrue(fpr <= 0.01);
    }
}
