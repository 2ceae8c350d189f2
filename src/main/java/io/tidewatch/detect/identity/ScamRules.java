package io.tidewatch.detect.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rules/scam.yaml}: scam-bait rules, the counter patterns that excuse warnings, questions and
 * reports (see {@link ScamExcuses} for their scopes), how long a key-like token must be to be skipped,
 * the fake-staff-handle settings, and reasons.
 *
 * @param counterPatterns judged on the match's sentence: questions, suppositions, reports received
 * @param negations       judged on the match's clause; on the whole message when the bait is quoted or reported
 * @param warnings        like negations, but never inside the match itself
 * @param reportedSpeech  a sentence that reports someone else's words
 * @param reactions       how a writer takes words they report or quote: mockery, doubt, a loss ("lol", "笑死", "感觉不对劲")
 * @param invitations     questions that invite rather than ask ("有兴趣吗？", "want in?"): no counter pattern inside one excuses
 * @param assurances      the writer vouching for the offer ("not a scam", "不是骗子"): no negation or warning inside one excuses
 * @param concepts        named pattern lists that rules combine ({@code combinations})
 * @param combinationWindow how close (in characters) the concepts of a combination must match
 * @param opaqueTokenLength a run of letters and digits this long (with both) is a key, address or hash:
 *                          no rule matches inside it and no excerpt shows it
 */
public record ScamRules(List<ScamRule> rules, List<Pattern> counterPatterns, List<Pattern> negations, List<Pattern> warnings,
                        List<Pattern> reportedSpeech, List<Pattern> reactions, List<Pattern> invitations, List<Pattern> assurances, Map<String, List<Pattern>> concepts, int combinationWindow, int opaqueTokenLength, StaffHandles staffHandles, ReasonTemplate reason,
                        ModelSettings model, List<Labeled> training) {
    public ScamRules {
        rules = List.copyOf(rules);
        counterPatterns = List.copyOf(counterPatterns);
        negations = List.copyOf(negations);
        warnings = List.copyOf(warnings);
        reportedSpeech = List.copyOf(reportedSpeech);
        reactions = List.copyOf(reactions);
        invitations = List.copyOf(invitations);
        assurances = List.copyOf(assurances);
        concepts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
        training = List.copyOf(training);
    }

    /**
     * {@code model}: the learned scorer ({@link ScamModel}) that judges what no rule matched.
     *
     * @param c        liblinear's inverse regularization strength
     * @param hashBits features hash into 2^hashBits slots
     * @param fullWeight a text with more features than this weighs each by sqrt(fullWeight / features): long texts do not add up
     * @param alert    from this score on, a {@code low} finding: moderators are alerted, nothing is deleted
     * @param act      from this score on, a {@code medium} finding, acted on like a rule's
     * @param veto     below this score, the model is sure enough a message is clean that the patterns' matches in it are dropped
     * @param excuses  whether a warning, negation, question or report anywhere in the message keeps the model from judging it
     * @param sure     from this score on, the model judges a message whatever its excuses (1: never)
     * @param conceptsOverExcuses the model judges a message it would judge unexcused, excused by a negation or a warning
     *                 (not a question or a report), in which this many concepts match, each unexcused where it stands (0: never)
     * @param evidence below {@code alert}, the scores from which a message holding enough concepts is judged as from
     *                 {@code alert} (none: never)
     */
    public record ModelSettings(String id, double c, int hashBits, int fullWeight, double alert, double act, double veto, boolean excuses, double sure,
                                int conceptsOverExcuses, List<Evidence> evidence, ReasonTemplate reason) {
        public ModelSettings {
            evidence = List.copyOf(evidence);
        }
    }

    /** {@code model.evidence}: from score {@code from} on, a message in which {@code concepts} concepts or more match, unexcused. */
    public record Evidence(double from, int concepts) {}

    /** One labeled text of the model's training file; {@code source} groups rows for cross-validation. */
    public record Labeled(String text, boolean scam, String source) {}

    /**
     * {@code staff_handles}: an {@code @handle} or {@code t.me/} link that joins the brand (name, alias or
     * domain label from the brand profile) with one of {@code words} is a fake staff account.
     * Examples use {@code {brand}} for the brand's domain label and run against several brands.
     */
    public record StaffHandles(String id, Severity severity, List<String> words, List<String> examples, List<String> counterexamples) {
        public StaffHandles {
            words = List.copyOf(words);
            examples = List.copyOf(examples);
            counterexamples = List.copyOf(counterexamples);
        }
    }

    /** {@code model.evidence}: a list of {@code { from: 0.92, concepts: 2 }}, or none. */
    private static List<Evidence> evidence(RuleFile f) {
        JsonNode n = f.at("model.evidence");
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) throw f.error("model.evidence", "a list of { from: <score>, concepts: <how many> } is required");
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode from = n.get(i).path("from"), concepts = n.get(i).path("concepts");
            String at = "model.evidence[" + i + "]";
            if (!from.isNumber() || from.asDouble() < 0 || from.asDouble() > 1) throw f.error(at + ".from", "a score between 0 and 1 is required");
            if (!concepts.isInt() || concepts.asInt() < 1 || concepts.asInt() > 20) throw f.error(at + ".concepts", "a whole number from 1 to 20 is required");
            out.add(new Evidence(from.asDouble(), concepts.asInt()));
        }
        return out;
    }

    public static ScamRules load(Path file) {
        RuleFile f = RuleFile.read(file);
        List<Pattern> counters = compile(f, "counter_patterns", f.texts("counter_patterns", false));
        List<Pattern> negations = compile(f, "negations", f.texts("negations", false));
        List<Pattern> warnings = compile(f, "warnings", f.texts("warnings", false));
        List<Pattern> reported = compile(f, "reported_speech", f.texts("reported_speech", false));
        List<Pattern> reactions = compile(f, "reactions", f.texts("reactions", false));
        List<Pattern> invitations = compile(f, "invitations", f.texts("invitations", false));
        List<Pattern> assurances = compile(f, "assurances", f.texts("assurances", false));
        Map<String, List<Pattern>> concepts = new LinkedHashMap<>();
        JsonNode c = f.at("concepts");
        if (!c.isMissingNode() && !c.isObject()) throw f.error("concepts", "a mapping of names to lists of patterns is required");
        c.fields().forEachRemaining(e -> concepts.put(e.getKey(),
                compile(f, "concepts." + e.getKey(), f.texts(e.getValue(), "concepts." + e.getKey(), true))));
        JsonNode list = f.at("rules");
        if (!list.isArray() || list.isEmpty()) throw f.error("rules", "a list of rules is required");
        List<ScamRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = "rules[" + i + "]";
            String id = r.path("id").asText("");
            if (id.isBlank()) throw f.error(where + ".id", "an id is required");
            if (!ids.add(id)) throw f.error(where + ".id", "duplicate id '" + id + "'");
            Severity severity = severity(f, r.path("severity"), where + ".severity");
            List<Pattern> patterns = compile(f, where + ".patterns", f.texts(r.path("patterns"), where + ".patterns", false), true);
            List<List<String>> combinations = combinations(f, r.path("combinations"), where + ".combinations", concepts);
            if (patterns.isEmpty() && combinations.isEmpty()) throw f.error(where + ".patterns", "at least one pattern or combination is required");
            List<Pattern> unless = compile(f, where + ".unless", f.texts(r.path("unless"), where + ".unless", false));
            boolean victimStory = r.path("victim_story").asBoolean(false);
            boolean negatedBait = r.path("negated_bait").asBoolean(false);
            rules.add(new ScamRule(id, severity, patterns, combinations, unless, victimStory, negatedBait, f.texts(r.path("examples"), where + ".examples", true),
                    f.texts(r.path("counterexamples"), where + ".counterexamples", true)));
        }
        JsonNode h = f.at("staff_handles");
        if (!h.isObject()) throw f.error("staff_handles", "a mapping with id, severity, words, examples and counterexamples is required");
        String handleId = h.path("id").asText("");
        if (handleId.isBlank()) throw f.error("staff_handles.id", "an id is required");
        if (!ids.add(handleId)) throw f.error("staff_handles.id", "duplicate id '" + handleId + "'");
        StaffHandles handles = new StaffHandles(handleId, severity(f, h.path("severity"), "staff_handles.severity"),
                f.texts(h.path("words"), "staff_handles.words", true), f.texts(h.path("examples"), "staff_handles.examples", true),
                f.texts(h.path("counterexamples"), "staff_handles.counterexamples", true));
        int window = concepts.isEmpty() ? 0 : f.integer("combination_window", 20, 2000);
        if (!ids.add(f.text("model.id"))) throw f.error("model.id", "duplicate id '" + f.text("model.id") + "'");
        ModelSettings model = new ModelSettings(f.text("model.id"), f.number("model.c", 0.001, 1000), f.integer("model.hash_bits", 10, 24), f.integer("model.full_weight_features", 1, 100_000),
                f.number("model.alert", 0, 1), actThreshold(f), f.number("model.veto", 0, 0.5), f.at("model.excuses").asBoolean(true),
                f.at("model.sure").isMissingNode() ? 1.0 : f.number("model.sure", 0, 1),
                f.at("model.concepts_over_excuses").isMissingNode() ? 0 : f.integer("model.concepts_over_excuses", 1, 20),
                evidence(f), ReasonTemplate.from(f, "model.reason"));
        if (model.act() < model.alert()) throw f.error("model.act", "must not be below model.alert");
        for (Evidence e : model.evidence()) {
            if (e.from() > model.alert()) throw f.error("model.evidence", "'from' " + e.from() + " must not be above model.alert");
        }
        List<Labeled> training = training(file.resolveSibling(f.text("model.training")));
        return new ScamRules(rules, counters, negations, warnings, reported, reactions, invitations, assurances, concepts, window, f.integer("opaque_token_length", 8, 1000), handles,
                ReasonTemplate.from(f, "reason"), model, training);
    }

    /** {@code model.act}: a score from 0 to 1, or "never" (the model only ever alerts moderators). */
    private static double actThreshold(RuleFile f) {
        return "never".equals(f.at("model.act").asText()) ? Double.POSITIVE_INFINITY : f.number("model.act", 0, 1);
    }

    /**
     * The model's training file: {@code text<TAB>scam|clean[<TAB>source]} lines; a line without a tab that
     * starts with {@code #} is a comment. A bad line is reported with its file and line number.
     */
    static List<Labeled> training(Path file) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ConfigException(file + ": cannot read the scam model's training texts: " + e.getMessage(), e);
        }
        List<Labeled> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") && line.indexOf('\t') < 0) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2 || f.length > 3 || f[0].isBlank()) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected 'text<TAB>scam|clean' or 'text<TAB>scam|clean<TAB>source'");
            }
            String label = f[1].strip();
            if (!label.equals("scam") && !label.equals("clean")) throw new ConfigException(file + ":" + (i + 1) + ": label must be scam or clean, was '" + label + "'");
            out.add(new Labeled(f[0].strip(), label.equals("scam"), f.length == 3 ? f[2].strip() : ""));
        }
        if (out.stream().noneMatch(Labeled::scam) || out.stream().allMatch(Labeled::scam)) {
            throw new ConfigException(file + ": the scam model needs both scam and clean texts");
        }
        return out;
    }

    /** A list of combinations, each a list of at least two concept names defined under {@code concepts}, "no " before those that must not match. */
    private static List<List<String>> combinations(RuleFile f, JsonNode n, String where, Map<String, List<Pattern>> concepts) {
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) throw f.error(where, "a list of lists of concept names is required");
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            List<String> names = f.texts(n.get(i), where + "[" + i + "]", true);
            if (names.size() < 2) throw f.error(where + "[" + i + "]", "at least two concepts are required");
            for (String name : names) {
                String concept = name.startsWith(ScamConcepts.NOT) ? name.substring(ScamConcepts.NOT.length()) : name;
                if (!concepts.containsKey(concept)) throw f.error(where + "[" + i + "]", "no concept '" + concept + "'");
            }
            if (names.get(0).startsWith(ScamConcepts.NOT)) throw f.error(where + "[" + i + "]", "the first concept must be one that matches");
            out.add(names);
        }
        return out;
    }

    private static Severity severity(RuleFile f, JsonNode n, String where) {
        try {
            return Severity.fromWire(n.asText("high"));
        } catch (IllegalArgumentException e) {
            throw f.error(where, "one of low, medium, high, critical");
        }
    }

    private static List<Pattern> compile(RuleFile f, String field, List<String> sources) {
        return compile(f, field, sources, false);
    }

    /** A bounded gap in a pattern's source: {@code .{0,40}}, {@code [^。]{0,30}} (read on rule files, never on user text). */
    private static final java.util.regex.Pattern GAP = java.util.regex.Pattern.compile("(\\.|\\[[^\\]\\[]*\\])\\{(\\d+),(\\d+)\\}(?![?+])");

    /**
     * With {@code shortest} (a rule's bait patterns), every gap matches as little as it can: the match then ends at the
     * nearest second part, in the bait's own clause, not at a later one in a clause that warns about someone else
     * ("有任何问题请私聊我，其他人私聊你都是骗子" is bait up to "私聊我"). Whether a pattern matches does not change.
     */
    private static List<Pattern> compile(RuleFile f, String field, List<String> sources, boolean shortest) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                String source = shortest ? GAP.matcher(sources.get(i)).replaceAll("$0?") : sources.get(i);
                // traditional characters read as simplified ones, as the text they meet is (HanFold)
                out.add(Pattern.compile(HanFold.fold(source), Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw f.error(field + "[" + i + "]", "bad regular expression: " + e.getMessage());
            }
        }
        return out;
    }
}
