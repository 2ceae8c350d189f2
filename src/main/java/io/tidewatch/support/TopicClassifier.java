package io.tidewatch.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Naive Bayes over the analyzed words of labeled texts (the topic phrases and examples, and the labeled
 * questions of {@code rules/support/training.tsv}): each text counts a word once, and a question's topic is
 * the one under which its known words are likeliest. It learns which words separate topics from how
 * people actually ask, where the phrase lists only know the words someone thought of; on questions it
 * was not trained on it picks the right topic more often than ranking the phrases does.
 */
final class TopicClassifier {
    /** One labeled text: its topic and its analyzed words. */
    record Sample(String topic, Set<String> words) {}

    private final double smoothing;
    private final Map<String, Double> logPrior = new HashMap<>();
    private final Map<String, Map<String, Integer>> wordCounts = new HashMap<>();
    private final Map<String, Double> logDenominator = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();

    /** @param smoothing additive (Lidstone) smoothing of word counts, from {@code matching.classifier_smoothing} */
    TopicClassifier(List<Sample> samples, double smoothing) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no labeled texts to learn topics from");
        this.smoothing = smoothing;
        Map<String, Integer> texts = new HashMap<>(), words = new HashMap<>();
        for (Sample s : samples) {
            texts.merge(s.topic(), 1, Integer::sum);
            Map<String, Integer> counts = wordCounts.computeIfAbsent(s.topic(), t -> new HashMap<>());
            for (String w : s.words()) {
                counts.merge(w, 1, Integer::sum);
                words.merge(s.topic(), 1, Integer::sum);
                vocabulary.add(w);
            }
        }
        texts.forEach((topic, n) -> {
            logPrior.put(topic, Math.log(n / (double) samples.size()));
            logDenominator.put(topic, Math.log(words.getOrDefault(topic, 0) + smoothing * vocabulary.size()));
        });
    }

    /** The likeliest topic for a question's analyzed words, or null when it has none the classifier knows. */
    String best(Collection<String> questionWords) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : logLikelihoods(questionWords).entrySet()) {
            if (e.getValue() > bestScore) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Each topic's log prior plus the log-likelihood of the question's known words under it; empty when
     * the question has no word the classifier knows.
     */
    Map<String, Double> logLikelihoods(Collection<String> questionWords) {
        Set<String> known = new HashSet<>();
        for (String w : questionWords) if (vocabulary.contains(w)) known.add(w);
        Map<String, Double> out = new HashMap<>();
        if (known.isEmpty()) return out;
        for (var e : logPrior.entrySet()) {
            Map<String, Integer> counts = wordCounts.get(e.getKey());
            double denominator = logDenominator.get(e.getKey());
            double score = e.getValue();
            for (String w : known) score += Math.log(counts.getOrDefault(w, 0) + smoothing) - denominator;
            out.put(e.getKey(), score);
        }
        return out;
    }
}
