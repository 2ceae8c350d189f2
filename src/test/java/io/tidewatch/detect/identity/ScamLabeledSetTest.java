package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recall and false-positive rate of scam-bait matching on the labeled messages and the rule file's own examples. */
class ScamLabeledSetTest {
    @Test
    void scam_text_labeled_set_recall_and_false_positive_rate() {
        List<String> bait = new ArrayList<>(ScamCases.BAIT), ordinary = new ArrayList<>(ScamCases.ORDINARY);
        for (ScamRule r : ScamBaitMatcherTest.MATCHER.rules().rules()) {
            bait.addAll(r.examples());
            ordinary.addAll(r.counterexamples());
        }
        long tp = bait.stream().filter(t -> !ScamBaitMatcherTest.MATCHER.find(t).isEmpty()).count();
        long fp = ordinary.stream().filter(t -> !ScamBaitMatcherTest.MATCHER.find(t).isEmpty()).count();
        double recall = (double) tp / bait.size(), fpr = (double) fp / ordinary.size();
        System.out.printf(Locale.ROOT, "labeled scam text: recall %.3f (%d/%d), false-positive rate %.3f (%d/%d)%n",
                recall, tp, bait.size(), fpr, fp, ordinary.size());
        assertTrue(recall >= 0.9);
        assertTrue(fpr <= 0.05);
    }
}
