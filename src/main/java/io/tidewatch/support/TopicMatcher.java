package io.tidewatch.support;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the support topic a question is about: BM25 (Lucene) over an in-memory index holding one
 * document per topic phrase, analyzed per language (English stemming; Chinese word segmentation and
 * character bigrams). A topic scores its best phrase plus a share of its second best; when the best
 * is weak the question is not understood and the answer is the general directory. When it is
 * understood and there are labeled questions to learn from, a {@link TopicClassifier} picks the topic
 * (it generalizes to new wordings better); without them the best phrase does, and a different topic
 * coming too close gives the general directory, because a wrong topic misleads more than the
 * directory does. Thread-safe: the searcher, analyzers and classifier are.
 */
final class TopicMatcher implements AutoCloseable {
    private static final DamerauLevenshteinDistance ONE_EDIT = new DamerauLevenshteinDistance(1);
    private static final DamerauLevenshteinDistance TWO_EDITS = new DamerauLevenshteinDistance(2);
    /** The outcome: the chosen topic (maybe the fallback), and the evidence it rests on. */
    record Match(String topic, double score, String runnerUp, double runnerUpScore) {}

    /** Tuning from {@code rules/support/settings.yaml}. */
    record Tuning(double minScore, double ambiguityRatio, double secondPhraseShare,
                  int fuzzyMinLength, double fuzzyBoost, boolean documentPerTopic, double k1, double b,
                  double classifierC, double classifierWeight, double classifierMinMargin) {}

    /** A question labeled with its topic, to learn from. */
    record Labeled(String text, String topic) {}

    /** The phrases of one topic in one language. */
    record Phrases(String topic, String language, List<String> phrases) {}

    /** How one language's text is analyzed: analyzer names, extra stop words, abbreviations to read as words. */
    record Analysis(List<String> analyzers, List<String> stopwords, Map<String, String> abbreviations) {}

    static final Set<String> ANALYZERS = Set.of("english", "smartcn", "cjk", "standard");
    private static final String TOPIC = "topic";
    private static final int MAX_TERMS_PER_FIELD = 200;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Analyzer> fieldAnalyzers;
    private final Analyzer analyzer;
    private final Tuning tuning;
    private final String fallbackTopic;
    private final int documents;
    private final Map<String, Set<String>> vocabulary;
    /** Latin-script indexed words per "field:first letter", the candidates for typo correction. */
    private final Map<String, List<String>> latinByInitial;
    /** Topic of each document id (the index never changes after construction). */
    private final String[] topicOfDoc;
    /** Picks among topics once the phrases say the question names one; null without labeled questions. */
    private final TopicClassifier classifier;
    private final QuestionNormalizer normalizer;

    /**
     * @param analyzersByLanguage analyzer names per language code, from each language file
     */
    TopicMatcher(Map<String, Analysis> analysisByLanguage, List<Phrases> phrases, List<Labeled> questions,
                 Tuning tuning, String fallbackTopic) {
        this.tuning = tuning;
        this.fallbackTopic = fallbackTopic;
        this.fieldAnalyzers = new LinkedHashMap<>();
        Map<String, String> abbreviations = new HashMap<>();
        analysisByLanguage.values().forEach(a -> abbreviations.putAll(a.abbreviations()));
        this.normalizer = new QuestionNormalizer(abbreviations);
        Map<String, List<String>> analyzersByLanguage = new HashMap<>();
        analysisByLanguage.forEach((lang, a) -> {
            analyzersByLanguage.put(lang, a.analyzers());
            for (String name : a.analyzers()) fieldAnalyzers.put(field(lang, name), newAnalyzer(name, a.stopwords()));
        });
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fieldAnalyzers);
        BM25Similarity bm25 = new BM25Similarity((float) tuning.k1(), (float) tuning.b());
        int docs = 0;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(bm25);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Phrases p : phrases) {
                    List<List<String>> groups = tuning.documentPerTopic()
                            ? List.of(p.phrases()) : p.phrases().stream().map(List::of).toList();
                    for (List<String> group : groups) {
                        Document doc = new Document();
                        doc.add(new StringField(TOPIC, p.topic(), Field.Store.YES));
                        for (String name : analyzersByLanguage.getOrDefault(p.language(), List.of())) {
                            for (String phrase : group) doc.add(new TextField(field(p.language(), name), phrase, Field.Store.NO));
                        }
                        writer.addDocument(doc);
                        docs++;
                    }
                }
                writer.forceMerge(1);
            }
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory topic index", e);
        }
        this.documents = docs;
        try {
            this.vocabulary = vocabulary(reader, fieldAnalyzers.keySet());
            Map<String, List<String>> byInitial = new HashMap<>();
            vocabulary.forEach((field, words) -> words.stream().filter(TopicMatcher::latinWord)
                    .forEach(w -> byInitial.computeIfAbsent(field + ":" + w.charAt(0), k -> new ArrayList<>()).add(w)));
            this.latinByInitial = Map.copyOf(byInitial);
            this.topicOfDoc = new String[reader.maxDoc()];
            var stored = reader.storedFields();
            for (int d = 0; d < reader.maxDoc(); d++) topicOfDoc[d] = stored.document(d, Set.of(TOPIC)).get(TOPIC);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the in-memory topic index", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(bm25);
        this.classifier = questions.isEmpty() ? null : classifier(phrases, questions, tuning.classifierC());
    }

    /** Logistic regression over every phrase and every labeled question, each a text of its topic. */
    private TopicClassifier classifier(List<Phrases> phrases, List<Labeled> questions, double c) {
        List<TopicClassifier.Sample> samples = new ArrayList<>();
        for (Phrases p : phrases) for (String phrase : p.phrases()) samples.add(new TopicClassifier.Sample(p.topic(), words(analyze(phrase))));
        for (Labeled q : questions) samples.add(new TopicClassifier.Sample(q.topic(), words(analyze(q.text()))));
        return new TopicClassifier(samples, c);
    }

    /** A text's analyzed words per field (each field is one language's analyzer). */
    private Map<String, Set<String>> analyze(String raw) {
        String text = normalizer.normalize(raw);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        fieldAnalyzers.forEach((field, a) -> out.put(field, terms(a, field, text)));
        return out;
    }

    /** Analyzed words of every field, each prefixed with its field ("zh.cjk:提币"): what the classifier counts. */
    private static Set<String> words(Map<String, Set<String>> termsByField) {
        Set<String> out = new LinkedHashSet<>();
        termsByField.forEach((field, terms) -> terms.forEach(t -> out.add(field + ":" + t)));
        return out;
    }

    /** A Lucene analyzer by name, its default stop words extended with the language file's. */
    static Analyzer newAnalyzer(String name, List<String> extraStopwords) {
        return switch (name) {
            case "english" -> new EnglishAnalyzer(stops(EnglishAnalyzer.getDefaultStopSet(), extraStopwords));
            case "smartcn" -> new SmartChineseAnalyzer(stops(SmartChineseAnalyzer.getDefaultStopSet(), extraStopwords));
            case "cjk" -> new CJKAnalyzer(stops(CJKAnalyzer.getDefaultStopSet(), extraStopwords));
            case "standard" -> new StandardAnalyzer(stops(EnglishAnalyzer.getDefaultStopSet(), extraStopwords));
            default -> throw new IllegalArgumentException("unknown analyzer '" + name + "', use one of " + ANALYZERS);
        };
    }

    private static CharArraySet stops(CharArraySet defaults, List<String> extra) {
        CharArraySet set = new CharArraySet(defaults, true);
        set.addAll(extra);
        return CharArraySet.unmodifiableSet(set);
    }

    private static String field(String lang, String analyzerName) { return lang + "." + analyzerName; }

    Match match(String text) {
        Map<String, Set<String>> terms = analyze(text);
        Map<String, double[]> best = scoreTopics(terms);
        String top = null, second = null;
        double topScore = 0, secondScore = 0;
        for (var e : best.entrySet()) {
            double s = combined(e.getValue());
            if (s > topScore) {
                second = top;
                secondScore = topScore;
                top = e.getKey();
                topScore = s;
            } else if (s > secondScore) {
                second = e.getKey();
                secondScore = s;
            }
        }
        if (classifier != null) {
            Map<String, Double> logProbabilities = classifier.logProbabilities(words(terms));
            if (top != null && topScore >= tuning.minScore() || clearWinner(logProbabilities)) {
                String learned = learnedTopic(logProbabilities, best);
                if (learned != null) return new Match(learned, topScore, top, secondScore);
            }
        }
        if (top == null || topScore < tuning.minScore()
                || (!top.equals(fallbackTopic) && secondScore >= topScore * tuning.ambiguityRatio()
                    && !fallbackTopic.equals(second))) {
            return new Match(fallbackTopic, topScore, top, secondScore);
        }
        return new Match(top, topScore, second, secondScore);
    }

    /**
     * The topic with the best phrase score plus {@code classifier_weight} times its classifier
     * log-probability, or null when the classifier knows none of the words. The classifier has learned
     * from thousands of questions and the phrases are a few per topic, so it decides; leave-one-writer-out
     * cross-validation (TopicCrossValidation) is flat from a weight of 20 up and the phrases then only
     * break near ties.
     */
    private String learnedTopic(Map<String, Double> logProbabilities, Map<String, double[]> phraseScores) {
        String learned = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : logProbabilities.entrySet()) {
            double[] phrases = phraseScores.get(e.getKey());
            double s = tuning.classifierWeight() * e.getValue() + (phrases == null ? 0 : combined(phrases));
            if (s > bestScore) {
                bestScore = s;
                learned = e.getKey();
            }
        }
        return learned;
    }

    /**
     * Whether the classifier alone understands a question the phrases do not (below min_score): its best
     * topic leads the next by {@code classifier_min_margin} once weighted. Questions in the words of users
     * rather than of the phrase lists ("找个活人跟我聊", "uninstalled authy") otherwise get the directory.
     */
    private boolean clearWinner(Map<String, Double> logProbabilities) {
        double first = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        for (double v : logProbabilities.values()) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return logProbabilities.size() > 1 && tuning.classifierWeight() * (first - second) >= tuning.classifierMinMargin();
    }

    /** A topic's phrase score: its best phrase plus a share of its second best. */
    private double combined(double[] phraseScores) {
        return phraseScores[0] + tuning.secondPhraseShare() * phraseScores[1];
    }

    /** Per topic: {best phrase score, second best phrase score}. */
    private Map<String, double[]> scoreTopics(Map<String, Set<String>> terms) {
        Query query = buildQuery(terms);
        Map<String, double[]> byTopic = new HashMap<>();
        if (query == null) return byTopic;
        try {
            for (ScoreDoc sd : searcher.search(query, Math.max(1, documents)).scoreDocs) {
                String topic = topicOfDoc[sd.doc];
                double[] s = byTopic.computeIfAbsent(topic, t -> new double[2]);
                if (sd.score > s[0]) {
                    s[1] = s[0];
                    s[0] = sd.score;
                } else if (sd.score > s[1]) {
                    s[1] = sd.score;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory topic index", e);
        }
        return byTopic;
    }

    private Query buildQuery(Map<String, Set<String>> termsByField) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int clauses = 0;
        {
            for (var e : fieldAnalyzers.entrySet()) {
                String field = e.getKey();
                for (String term : termsByField.get(field)) {
                    Term t = new Term(field, term);
                    if (vocabulary.getOrDefault(field, Set.of()).contains(term)) {
                        q.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
                        clauses++;
                    } else if (fuzzyCandidate(term)) {
                        for (String near : nearestTerms(field, term)) {
                            q.add(new BoostQuery(new TermQuery(new Term(field, near)), (float) tuning.fuzzyBoost()),
                                    BooleanClause.Occur.SHOULD);
                            clauses++;
                        }
                    }
                }
            }
        }
        return clauses == 0 ? null : q.build();
    }

    /**
     * The indexed words closest to a misspelt one (same first letter; 1 edit, 2 from 8 letters on).
     * The vocabulary is a few hundred words, so a direct scan beats building Levenshtein automata.
     */
    private List<String> nearestTerms(String field, String term) {
        int maxEdits = term.length() >= 8 ? 2 : 1;
        List<String> best = new ArrayList<>();
        int bestDistance = maxEdits + 1;
        for (String candidate : latinByInitial.getOrDefault(field + ":" + term.charAt(0), List.of())) {
            if (Math.abs(candidate.length() - term.length()) > maxEdits) continue;
            int d = (maxEdits == 1 ? ONE_EDIT : TWO_EDITS).apply(term, candidate);
            if (d < 0) continue; // beyond the threshold
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance) best.add(candidate);
        }
        return best;
    }

    /** Every indexed term per field: query terms outside it are skipped (or corrected) without touching the index. */
    private static Map<String, Set<String>> vocabulary(DirectoryReader reader, Iterable<String> fields) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (String field : fields) {
            Set<String> words = new java.util.HashSet<>();
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef b = it.next(); b != null; b = it.next()) words.add(b.utf8ToString());
            }
            out.put(field, Set.copyOf(words));
        }
        return out;
    }

    /** Typos only make sense to forgive in longer Latin-script words. */
    private boolean fuzzyCandidate(String term) {
        return term.length() >= tuning.fuzzyMinLength() && latinWord(term);
    }

    private static boolean latinWord(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c < 'a' || c > 'z') return false;
        }
        return !term.isEmpty();
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_TERMS_PER_FIELD) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a question", e);   // cannot happen on a String
        }
        return out;
    }

    /** For diagnostics and tests: every topic's combined score, best first. */
    List<Map.Entry<String, Double>> ranking(String text) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        scoreTopics(analyze(text)).forEach((k, v) -> out.add(Map.entry(k, combined(v))));
        out.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException ignored) {
            // in-memory; nothing to lose
        }
        analyzer.close();
    }
}
