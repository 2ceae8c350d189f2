package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How well the scam model carries to writers it never saw, measured on its training texts only
 * ({@code rules/scam-training.tsv}): leave one writer out (train on every source but the fourth writer's
 * corpus, test on it; the same for the first writer's tuning half) and 5-fold over all rows. Prints, per
 * alert threshold, recall and precision of the model alone and of rules-or-model, with and without
 * excuses gating the model. The thresholds in {@code rules/scam.yaml} (model.alert, model.act) were chosen
 * from this table and the prose corpus ({@link ScamProseFalseAlarmTest}). {@code -Dcv.show=1} prints the scam
 * the rules and model miss and the model's unexcused false alarms; {@code -Dcv.c} and {@code -Dcv.full} try other settings.
 */
class ScamModelCrossValidationTest {
    private static final ScamRules RULES = ScamRules.load(Path.of("rules/scam.yaml"));
    private static final ScamBaitMatcher MATCHER = new ScamBaitMatcher(RULES, ScamBaitMatcherTest.IDENTITY.skeleton());
    private static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.85, 0.9, 0.925, 0.95, 0.97, 0.98, 0.99, 0.995};

    /** Counts of one test set at one threshold. */
    static final class Counts {
        int scams, clean, found, alarms;

        double recall() { return scams == 0 ? 1 : found / (double) scams; }

        double precision() { return found + alarms == 0 ? 1 : found / (double) (found + alarms); }

        void add(boolean scam, boolean flagged) {
            if (scam) { scams++; if (flagged) found++; } else { clean++; if (flagged) alarms++; }
        }

        @Override
        public String toString() { return String.format(Locale.ROOT, "%.3f/%.3f", recall(), precision()); }
    }

    /** Per threshold: model alone, rules or model, rules or model with excuses; index THRESHOLDS.length: rules alone. */
    static Counts[][] evaluate(List<ScamRules.Labeled> train, List<ScamRules.Labeled> test) {
        ScamRules.ModelSettings m = RULES.model();
        ScamRules.ModelSettings settings = new ScamRules.ModelSettings(m.id(), Double.parseDouble(System.getProperty("cv.c", "" + m.c())),
                m.hashBits(), Integer.getInteger("cv.full", m.fullWeight()), m.alert(), m.act(), m.veto(), m.excuses(), m.sure(),
                m.conceptsOverExcuses(), m.evidence(), m.reason());
        ScamModel model = ScamModel.fit(settings, train.stream().map(s -> new ScamRules.Labeled(MATCHER.read(s.text()), s.scam(), s.source())).toList());
        ScamModelJudge judge = new ScamModelJudge(MATCHER, model);
        Counts[][] c = new Counts[THRESHOLDS.length + 1][4];
        List<double[]> seen = new ArrayList<>(); // scam, rules, score, excused
        for (Counts[] row : c) for (int k = 0; k < 4; k++) row[k] = new Counts();
        for (ScamRules.Labeled s : test) {
            boolean rules = !MATCHER.find(s.text()).isEmpty();
            double score = judge.score(s.text());
            boolean excused = MATCHER.warnsOrAsksAnywhere(s.text());
            seen.add(new double[]{s.scam() ? 1 : 0, rules ? 1 : 0, score, excused ? 1 : 0});
            for (int t = 0; t < THRESHOLDS.length; t++) {
                boolean model1 = score >= THRESHOLDS[t];
                c[t][0].add(s.scam(), model1);
                c[t][1].add(s.scam(), rules || model1);
                c[t][2].add(s.scam(), rules || model1 && !excused);
                if (!rules && model1 && !excused) c[t][3].add(s.scam(), true);
            }
            c[THRESHOLDS.length][0].add(s.scam(), rules);
            if (System.getProperty("cv.show") != null && (s.scam() ? !rules && score < RULES.model().alert() : score >= RULES.model().alert() && !excused && !rules)) {
                System.out.printf(Locale.ROOT, "    %s %.2f %s%n", s.scam() ? "missed" : "alarm", score, s.text());
            }
        }
        SEEN.addAll(seen);
        return c;
    }

    /** Scored test rows of the current evaluation: scam, rules found it, model score, excused. */
    private static final List<double[]> SEEN = new ArrayList<>();

    /** The best recall of rules-or-model (excused) at precision at least {@code floor}, over fine thresholds. */
    static String best(double floor) {
        double bestRecall = 0, bestAt = 1, bestPrecision = 0;
        for (double t = 0.2; t < 0.99; t += 0.025) {
            Counts k = new Counts();
            for (double[] v : SEEN) k.add(v[0] == 1, v[1] == 1 || v[2] >= t && v[3] == 0);
            if (k.precision() >= floor && k.recall() > bestRecall) { bestRecall = k.recall(); bestAt = t; bestPrecision = k.precision(); }
        }
        SEEN.clear();
        return String.format(Locale.ROOT, "best rules+model(excused) recall at precision >= %.3f: %.3f/%.3f (alert %.3f)", floor, bestRecall, bestPrecision, bestAt);
    }

    static void print(String name, Counts[][] c) {
        System.out.printf(Locale.ROOT, "scam model CV %s: rules alone %s (recall/precision; %d scam, %d clean)%n", name,
                c[THRESHOLDS.length][0], c[THRESHOLDS.length][0].scams, c[THRESHOLDS.length][0].clean);
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf(Locale.ROOT, "  alert %.3f: model %s  rules+model %s  rules+model(excused) %s  model findings (excused) %d precision %.3f%n",
                    THRESHOLDS[t], c[t][0], c[t][1], c[t][2], c[t][3].found + c[t][3].alarms, c[t][3].precision());
        }
    }

    static Counts[][] leaveOut(String source) {
        Predicate<ScamRules.Labeled> held = s -> s.source().equals(source);
        return evaluate(RULES.training().stream().filter(held.negate()).toList(), RULES.training().stream().filter(held).toList());
    }

    static Counts[][] kFold(int k) {
        List<ScamRules.Labeled> rows = new ArrayList<>(RULES.training());
        Collections.shuffle(rows, new Random(7));
        Counts[][] sum = null;
        for (int f = 0; f < k; f++) {
            List<ScamRules.Labeled> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) (i % k == f ? test : train).add(rows.get(i));
            Counts[][] c = evaluate(train, test);
            if (sum == null) sum = c;
            else for (int t = 0; t < c.length; t++) for (int m = 0; m < 4; m++) {
                sum[t][m].scams += c[t][m].scams; sum[t][m].clean += c[t][m].clean;
                sum[t][m].found += c[t][m].found; sum[t][m].alarms += c[t][m].alarms;
            }
        }
        return sum;
    }

    private static int index(double threshold) {
        for (int t = 0; t < THRESHOLDS.length; t++) if (Math.abs(THRESHOLDS[t] - threshold) < 1e-9) return t;
        return -1;
    }

    @Test
    void leave_one_writer_out_and_k_fold() {
        int alert = index(RULES.model().alert()), act = index(RULES.model().act());
        int gate = RULES.model().excuses() ? 2 : 1;
        Counts[][] fourth = leaveOut("train-scam");
        print("leave out the fourth writer (train-scam)", fourth);
        System.out.println("  " + best(Math.min(0.95, fourth[THRESHOLDS.length][0].precision())));
        Counts[][] first = leaveOut("fresh-tuning");
        print("leave out the first writer (fresh-tuning)", first);
        System.out.println("  " + best(0.95));
        Counts[][] folds = kFold(5);
        print("5-fold", folds);
        System.out.println("  " + best(0.95));
        for (Counts[][] c : List.of(fourth, first, folds)) {
            Counts rules = c[THRESHOLDS.length][0];
            if (alert >= 0) {
                assertTrue(c[alert][gate].recall() > rules.recall(), "the model adds recall: " + c[alert][gate]);
                assertTrue(c[alert][gate].precision() >= Math.min(0.95, rules.precision()) - 0.01, "alert precision " + c[alert][gate]);
            }
            // 0.93 is one false finding in 14: a fold with fewer medium findings than that (the first writer's: 6) may have one
            Counts medium = act >= 0 ? c[act][3] : null;
            if (medium != null) assertTrue(medium.precision() >= 0.93 || medium.found + medium.alarms < 14 && medium.alarms <= 1,
                    "precision of the model's medium findings " + medium.precision() + " (" + medium.alarms + " false)");
        }
    }
}
