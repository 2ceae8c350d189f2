package io.tidewatch.detect.identity;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recall and false-positive rate of name judging on the labeled names plus variants generated per brand. */
class NameLabeledSetTest {
    /** Disguises applied to every protected brand name and alias: each result must be flagged. */
    static List<String> generatedImitations(String brandName) {
        String n = brandName;
        String homoglyph = n.replace('a', 'а').replace('o', 'о').replace('e', 'е').replace('c', 'с').replace('p', 'р').replace('x', 'х');
        String leet = n.replace('o', '0').replace('e', '3').replace('a', '4').replace('i', '1');
        String zeroWidth = n.length() > 2 ? n.substring(0, 2) + "\u200b" + n.substring(2) : n;
        return List.of(n + " Support", n + "_Admin", n.toUpperCase(Locale.ROOT) + " OFFICIAL ✅", homoglyph + " Help",
                leet + " support", zeroWidth + " Team", "Support | " + n, n + " 官方客服", n.replace(" ", "") + "Helpdesk",
                "\u202e" + n + " Service");
    }

    static List<String> innocentMentions(String brandName) {
        return List.of("Tom loves " + brandName, "Ana trades " + brandName + " and more", "Crypto Dad of " + brandName + " fans");
    }

    @Test
    void names_labeled_set_recall_and_false_positive_rate() {
        int tp = 0, positives = 0, fp = 0, negatives = 0;
        List<String> misses = new ArrayList<>(), falseAlarms = new ArrayList<>();
        for (var c : NameCases.IMITATIONS) {
            positives++;
            if (NameJudgeTest.judgeFor(TestBrands.ALL.get(c.brand())).judge(c.name(), "name").suspicious()) tp++; else misses.add(c.name());
        }
        for (BrandProfile brand : TestBrands.ALL.values()) {
            NameJudge judge = NameJudgeTest.judgeFor(brand);
            List<String> names = new ArrayList<>(brand.brand().aliases());
            names.add(brand.brand().name());
            for (String n : names) {
                for (String s : generatedImitations(n)) {
                    positives++;
                    if (judge.judge(s, "name").suspicious()) tp++; else misses.add(s);
                }
                for (String s : innocentMentions(n)) {
                    negatives++;
                    if (judge.judge(s, "name").suspicious()) { fp++; falseAlarms.add(s); }
                }
            }
            for (String s : NameCases.ORDINARY) {
                negatives++;
                if (judge.judge(s, "name").suspicious()) { fp++; falseAlarms.add(s + " @" + brand.brand().name()); }
            }
        }
        double recall = (double) tp / positives, fpr = (double) fp / negatives;
        System.out.printf(Locale.ROOT, "labeled names: recall %.3f (%d/%d), false-positive rate %.3f (%d/%d)%n",
                recall, tp, positives, fpr, fp, negatives);
        if (!misses.isEmpty()) System.out.println("  missed: " + misses);
        if (!falseAlarms.isEmpty()) System.out.println("  false alarms: " + falseAlarms);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(fpr <= 0.02, "false-positive rate " + fpr);
    }
}
