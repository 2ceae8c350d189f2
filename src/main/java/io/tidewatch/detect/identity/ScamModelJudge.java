package io.tidewatch.detect.identity;

import io.tidewatch.core.Severity;

/**
 * Judges a post with the learned {@link ScamModel}: the whole message is scored as the rules read it; from
 * {@code model.alert} on, the finding points at the sentence that scores highest (the message when it has
 * one sentence), and is dropped when the message warns, negates or asks anywhere ({@link ScamExcuses}, when
 * {@code model.excuses}) unless it scores {@code model.sure} or more, or it neither asks nor reports and {@code
 * model.concepts_over_excuses} concepts match it unexcused. Severity {@code low} from {@code alert},
 * {@code medium} from {@code act}. Thread-safe.
 */
public final class ScamModelJudge {
    /** A model verdict: the span in the original text, its safe excerpt, the message's score and the severity it earns. */
    public record Verdict(int start, int end, String excerpt, double score, Severity severity) {}

    private final ScamBaitMatcher matcher;
    private final ScamModel model;
    private final ScamRules.ModelSettings settings;

    /** Trains the model on the rules' training texts (or takes the one already trained on them). */
    public ScamModelJudge(ScamBaitMatcher matcher) {
        this(matcher, ScamModel.train(matcher.rules().model(), matcher.rules().training(), matcher::read));
    }

    ScamModelJudge(ScamBaitMatcher matcher, ScamModel model) {
        this.matcher = matcher;
        this.settings = matcher.rules().model();
        this.model = model;
    }

    public ScamRules.ModelSettings settings() { return settings; }

    /** The model's probability that {@code text} is bait. */
    public double score(String text) {
        return model.score(matcher.read(text));
    }

    /** The model's probability that the post read is bait. */
    public double score(ScamBaitMatcher.Reading reading) {
        return model.score(reading.lower());
    }

    /** The verdict on {@code text}, or null when it scores below {@code model.alert} or is excused. */
    public Verdict judge(String text) {
        return judge(text, settings.alert(), settings.excuses());
    }

    /** The verdict on a post already read and scored ({@link #score(ScamBaitMatcher.Reading)}). */
    public Verdict judge(ScamBaitMatcher.Reading reading, double score) {
        return judge(reading, score, settings.alert(), settings.excuses());
    }

    /** The verdict with another alert threshold and excuse setting (for cross-validation). */
    Verdict judge(String text, double alert, boolean excuses) {
        if (text == null || text.isBlank()) return null;
        ScamBaitMatcher.Reading reading = matcher.reading(text);
        return judge(reading, score(reading), alert, excuses);
    }

    private Verdict judge(ScamBaitMatcher.Reading reading, double score, double alert, boolean excuses) {
        String text = reading.text();
        ConceptCount concepts = new ConceptCount(reading);
        if (text.isBlank() || score < alert && !evidenced(concepts, score)) return null;
        int bestStart = 0, bestEnd = text.length();
        double best = -1;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !endsSentence(text, i)) continue;
            int to = Math.min(text.length(), i + 1);
            if (from == 0 && to == text.length()) break; // one sentence: the message
            String sentence = text.substring(from, to);
            if (!sentence.isBlank()) {
                double s = model.score(matcher.read(sentence));
                if (s > best) { best = s; bestStart = from; bestEnd = to; }
            }
            from = to;
        }
        while (bestStart < bestEnd && Character.isWhitespace(text.charAt(bestStart))) bestStart++;
        while (bestEnd > bestStart && Character.isWhitespace(text.charAt(bestEnd - 1))) bestEnd--;
        if (bestStart >= bestEnd) return null;
        // a warning word, a negation or a question excuses the message, unless the model is sure (model.sure): fake
        // notices open with "注意", pitches promise "不会亏", openers ask "你呢？"; or unless a negation or warning is said in
        // passing where bait's parts match, each unexcused where it stands (model.concepts_over_excuses): "群主在这，有需要的私我，不要相信别人"
        if (excuses && score < settings.sure() && matcher.warnsOrAsksAnywhere(reading) && !conceptsOverExcuses(reading, concepts)) return null;
        Severity severity = score >= settings.act() ? Severity.MEDIUM : Severity.LOW;
        return new Verdict(bestStart, bestEnd, ScamBaitMatcher.excerpt(text, bestStart, bestEnd), score, severity);
    }

    /**
     * Below the alert threshold, a message the model nearly calls bait that also holds what bait is made of (a contact,
     * a fee, a site, credentials asked for: {@code model.evidence}, so many concepts from such a score, unexcused) is
     * judged too.
     */
    private boolean evidenced(ConceptCount concepts, double score) {
        for (ScamRules.Evidence e : settings.evidence()) {
            if (score >= e.from() && concepts.get() >= e.concepts()) return true;
        }
        return false;
    }

    /**
     * A negation or a warning said in passing, where enough of bait's parts match unexcused. A question or a report still
     * excuses: a member quoting a notice and asking whether it is official quotes its contact and its fix too.
     */
    private boolean conceptsOverExcuses(ScamBaitMatcher.Reading reading, ConceptCount concepts) {
        return settings.conceptsOverExcuses() > 0 && !matcher.asksAnywhere(reading)
                && concepts.get() >= settings.conceptsOverExcuses();
    }

    /** The concepts matching a post unexcused, counted once and only when a judgement asks: most posts never need them. */
    private final class ConceptCount {
        private final ScamBaitMatcher.Reading reading;
        private int count = -1;

        ConceptCount(ScamBaitMatcher.Reading reading) { this.reading = reading; }

        int get() {
            if (count < 0) count = matcher.matchedConcepts(reading);
            return count;
        }
    }

    private static boolean endsSentence(String t, int i) {
        char c = t.charAt(i);
        if (c == '\n' || c == '。' || c == '！' || c == '？' || c == '；') return true;
        return (c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)));
    }
}
