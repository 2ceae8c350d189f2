package io.tidewatch.support;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * L2-regularized logistic regression (liblinear, one model per topic against the rest) over the analyzed
 * words of labeled texts: the topic phrases and examples, and the labeled questions of
 * {@code rules/support/training.tsv}. A text is the set of its words, scaled to unit length so a long
 * story weighs no more than a short question. It learns which words separate topics from how people
 * actually ask; unlike naive Bayes, which it replaced, it weighs words that always come together once
 * rather than once per analyzer that produced them (leave-one-writer-out: 0.917 → 0.936 of 2,610
 * questions by 14 writers).
 */
final class TopicClassifier {
    /** One labeled text: its topic and its analyzed words. */
    record Sample(String topic, Set<String> words) {}

    /** Feature index (from 1; liblinear's convention) of each word seen in training. */
    private final Map<String, Integer> index = new HashMap<>();
    private final Model model;
    private final String[] topics;
    /** The bias term's feature index, one past the words. */
    private final int biasIndex;

    /** @param c inverse regularization strength, from {@code matching.classifier_c} */
    TopicClassifier(List<Sample> samples, double c) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no labeled texts to learn topics from");
        if (!(c > 0)) throw new IllegalArgumentException("classifier_c must be positive, got " + c);
        List<String> topicList = new ArrayList<>();
        for (Sample s : samples) {
            if (!topicList.contains(s.topic())) topicList.add(s.topic());
            for (String w : s.words()) index.putIfAbsent(w, index.size() + 1);
        }
        this.topics = topicList.toArray(String[]::new);
        this.biasIndex = index.size() + 1;
        Problem p = new Problem();
        p.l = samples.size();
        p.n = biasIndex;
        p.bias = 1;
        p.x = new Feature[p.l][];
        p.y = new double[p.l];
        for (int i = 0; i < p.l; i++) {
            p.x[i] = vector(samples.get(i).words());
            p.y[i] = topicList.indexOf(samples.get(i).topic());
        }
        // a stopping tolerance of 0.01: the same topics in cross-validation as 0.001, and training (once, when the
        // rules load) takes about half a second instead of two thirds
        Parameter param = new Parameter(SolverType.L2R_LR, c, 0.01);
        param.setRandom(new Random(1));
        Linear.disableDebugOutput();
        this.model = topics.length > 1 ? Linear.train(p, param) : null;
    }

    /** The known words as a unit-length binary vector, plus the bias; liblinear wants indices ascending. */
    private Feature[] vector(Collection<String> words) {
        int[] ids = words.stream().map(index::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
        Feature[] x = new Feature[ids.length + 1];
        double v = ids.length == 0 ? 0 : 1 / Math.sqrt(ids.length);
        for (int k = 0; k < ids.length; k++) x[k] = new FeatureNode(ids[k], v);
        x[ids.length] = new FeatureNode(biasIndex, 1);
        return x;
    }

    /** The likeliest topic for a question's analyzed words, or null when it has none the classifier knows. */
    String best(Collection<String> questionWords) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : logProbabilities(questionWords).entrySet()) {
            if (e.getValue() > bestScore) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /** Each topic's log-probability given the question's words; empty when the question has no word the classifier knows. */
    Map<String, Double> logProbabilities(Collection<String> questionWords) {
        Map<String, Double> out = new HashMap<>();
        if (questionWords.stream().noneMatch(index::containsKey)) return out;
        if (model == null) {
            out.put(topics[0], 0.0);
            return out;
        }
        int[] labels = model.getLabels();
        double[] p = new double[labels.length];
        Linear.predictProbability(model, vector(questionWords), p);
        for (int k = 0; k < labels.length; k++) out.put(topics[labels[k]], Math.log(Math.max(p[k], 1e-12)));
        return out;
    }
}
