package io.tidewatch.detect.identity;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The learned scam scorer next to the rules: L2-regularized logistic regression (liblinear) over
 * {@link ScamFeatures} of labeled texts ({@code rules/scam-training.tsv}), trained when the rules load,
 * from a fixed seed, so the same rules always give the same model. It learns how bait is phrased from
 * many writers' messages where a rule only knows the phrasings someone wrote a pattern for. Scoring is a
 * sum of weights over the text's hashed features, each present or not, scaled down only past
 * {@code model.full_weight_features} (see {@link #value}). Thread-safe.
 */
public final class ScamModel {
    /** Models by what they were trained on: every brand's detector set and every reload of unchanged rules share one. */
    private static final Map<Object, ScamModel> TRAINED = new ConcurrentHashMap<>();

    private final ScamFeatures features;
    private final double[] weights;
    private final double bias;
    private final int fullWeight;

    private ScamModel(ScamFeatures features, double[] weights, double bias, int fullWeight) {
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.fullWeight = fullWeight;
    }

    /**
     * A feature's value in a text with {@code n} features: 1 up to {@code fullWeight} features (chat-length
     * messages, as the training texts are), less beyond, so the score of a long text is its typical
     * feature's and a page of prose cannot add up ordinary words into bait.
     */
    private static double value(int n, int fullWeight) {
        return n <= fullWeight ? 1 : Math.sqrt(fullWeight / (double) n);
    }

    /**
     * The model for {@code samples}, each text read as the matcher reads it ({@code read}).
     * Trains once per distinct training set and settings.
     */
    public static ScamModel train(ScamRules.ModelSettings settings, List<ScamRules.Labeled> samples, UnaryOperator<String> read) {
        List<ScamRules.Labeled> readTexts = samples.stream().map(s -> new ScamRules.Labeled(read.apply(s.text()), s.scam(), s.source())).toList();
        Object key = List.of(settings.c(), settings.hashBits(), settings.fullWeight(), readTexts.stream().map(s -> (s.scam() ? "1" : "0") + s.text()).toList());
        if (TRAINED.size() > 8) TRAINED.clear(); // reloads with edited rules: keep only recent models
        return TRAINED.computeIfAbsent(key, k -> fit(settings, readTexts));
    }

    /** Trains on texts already read as the matcher reads them. */
    static ScamModel fit(ScamRules.ModelSettings settings, List<ScamRules.Labeled> samples) {
        if (samples.stream().noneMatch(ScamRules.Labeled::scam) || samples.stream().allMatch(ScamRules.Labeled::scam)) {
            throw new IllegalArgumentException("the scam model needs both scam and clean texts to learn from");
        }
        ScamFeatures features = new ScamFeatures(settings.hashBits());
        Problem p = new Problem();
        p.l = samples.size();
        p.n = features.dimensions() + 1;
        p.bias = 1;
        p.x = new Feature[p.l][];
        p.y = new double[p.l];
        for (int i = 0; i < p.l; i++) {
            int[] slots = features.slots(samples.get(i).text());
            Feature[] x = new Feature[slots.length + 1];
            double v = value(slots.length, settings.fullWeight());
            for (int k = 0; k < slots.length; k++) x[k] = new FeatureNode(slots[k], v);
            x[slots.length] = new FeatureNode(p.n, 1); // the bias term
            p.x[i] = x;
            p.y[i] = samples.get(i).scam() ? 1 : 0;
        }
        Parameter param = new Parameter(SolverType.L2R_LR, settings.c(), 0.001);
        param.setRandom(new Random(1));
        Linear.disableDebugOutput();
        Model m = Linear.train(p, param);
        double[] w = m.getFeatureWeights();
        double sign = m.getLabels()[0] == 1 ? 1 : -1; // liblinear's weights favour its first label
        double[] weights = new double[features.dimensions() + 1];
        for (int i = 0; i < weights.length; i++) weights[i] = sign * w[i];
        return new ScamModel(features, weights, sign * w[features.dimensions()], settings.fullWeight());
    }

    /** Probability that {@code read} (a text as the matcher reads it) is scam bait. */
    public double score(String read) {
        int[] slots = features.distinctSlots(read);
        double sum = 0;
        for (int s : slots) sum += weights[s - 1];
        return sigmoid(bias + sum * value(slots.length, fullWeight));
    }

    private static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }

}
