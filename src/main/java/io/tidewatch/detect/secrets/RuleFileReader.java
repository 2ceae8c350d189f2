package io.tidewatch.detect.secrets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a gitleaks-format TOML rule file (the stock gitleaks config loads unmodified) plus
 * Tidewatch's extension fields. Anything wrong is a {@link ConfigException} naming file, line
 * and reason; nothing is half-loaded.
 */
public final class RuleFileReader {
    private static final TomlMapper TOML = new TomlMapper();

    private RuleFileReader() {}

    public static RuleFile read(Path file) {
        String raw;
        try {
            raw = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read secret rules: " + e.getMessage());
        }
        return parse(file, raw);
    }

    public static RuleFile parse(Path file, String raw) {
        JsonNode root;
        try {
            root = TOML.readTree(raw);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ConfigException(file + (loc == null ? "" : ":" + loc.getLineNr()) + ": invalid TOML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new ConfigException(file + ": empty rule file");
        TomlLines lines = new TomlLines(raw);
        List<Allowlist> globals = new ArrayList<>();
        if (root.has("allowlist")) globals.add(allowlist(file, root.get("allowlist"), lines.firstLine("[allowlist]")));
        if (root.has("allowlists")) {
            for (JsonNode a : array(file, root, "allowlists", 1)) globals.add(allowlist(file, a, lines.firstLine("[[allowlists]]")));
        }
        List<String> formatWords = root.has("context") ? strings(file, root.get("context"), "formatWords", lines.firstLine("[context]")) : List.of();
        List<SecretRule> rules = new ArrayList<>();
        if (root.has("rules")) {
            JsonNode arr = root.get("rules");
            if (!arr.isArray()) throw new ConfigException(file + ": 'rules' must be an array of tables ([[rules]])");
            int i = 0;
            for (JsonNode r : arr) {
                rules.add(rule(file, r, lines.ruleLine(i), lines));
                i++;
            }
        }
        PartLabels partLabels = root.has("context") ? partLabels(file, root.get("context"), lines.firstLine("[context]")) : null;
        List<String> reversedCues = root.has("context") ? strings(file, root.get("context"), "reversedCues", lines.firstLine("[context]")) : List.of();
        List<MarkRemoval> markRemovals = root.has("context") ? markRemovals(file, root.get("context"), lines.firstLine("[context]")) : List.of();
        List<LabelTranslation> translations = root.has("context") ? labelTranslations(file, root.get("context"), lines.firstLine("[context]")) : List.of();
        return new RuleFile(file, rules, globals, formatWords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), partLabels,
                reversedCues.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), markRemovals, translations);
    }

    private static SecretRule rule(Path file, JsonNode r, int line, TomlLines lines) {
        String id = text(file, r, "id", line);
        if (id == null || id.isBlank()) throw new ConfigException(file + ":" + line + ": rule without 'id'");
        String where = file + ":" + line + ": rule '" + id + "'";
        String regexSrc = text(file, r, "regex", line);
        Pattern regex = null;
        Pattern prefilter = null;
        if (regexSrc != null) {
            try {
                regex = Pattern.compile(GoRegex.toRe2j(regexSrc));
                String loose = GoRegex.relaxed(GoRegex.toRe2j(regexSrc));
                if (loose != null) prefilter = Pattern.compile(loose);
            } catch (PatternSyntaxException e) {
                int at = lines.fieldLine(line, "regex");
                throw new ConfigException(file + ":" + at + ": rule '" + id + "': bad regex: " + e.getMessage());
            }
        }
        String detector = text(file, r, "detector", line);
        if (detector != null && !detector.equals("bip39")) throw new ConfigException(where + ": unknown detector '" + detector + "' (known: bip39)");
        String path = text(file, r, "path", line);
        if (regex == null && detector == null && path == null) throw new ConfigException(where + ": needs 'regex' (or 'path', or 'detector')");
        int secretGroup = r.has("secretGroup") ? r.get("secretGroup").asInt() : 0;
        if (regex != null && secretGroup > regex.groupCount()) {
            throw new ConfigException(where + ": secretGroup " + secretGroup + " but the regex has " + regex.groupCount() + " groups");
        }
        Double entropy = null;
        if (r.has("entropy")) {
            if (!r.get("entropy").isNumber()) throw new ConfigException(where + ": 'entropy' must be a number");
            entropy = r.get("entropy").asDouble();
        }
        List<String> keywords = strings(file, r, "keywords", line).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        List<Allowlist> allowlists = new ArrayList<>();
        if (r.has("allowlist")) allowlists.add(allowlist(file, r.get("allowlist"), line));
        if (r.has("allowlists")) for (JsonNode a : array(file, r, "allowlists", line)) allowlists.add(allowlist(file, a, line));
        List<RequiredRule> required = new ArrayList<>();
        if (r.has("required")) {
            for (JsonNode q : array(file, r, "required", line)) {
                String rid = text(file, q, "id", line);
                if (rid == null) throw new ConfigException(where + ": [[rules.required]] needs 'id'");
                Integer wl = q.has("withinLines") ? q.get("withinLines").asInt() : null;
                Integer wc = q.has("withinColumns") ? q.get("withinColumns").asInt() : null;
                required.add(new RequiredRule(rid, wl, wc, lines.fieldLine(line, "[[rules.required]]")));
            }
        }
        Severity severity;
        try {
            severity = r.has("severity") ? Severity.fromWire(r.get("severity").asText()) : Severity.HIGH;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ":" + lines.fieldLine(line, "severity") + ": rule '" + id + "': severity must be low, medium, high or critical");
        }
        SecretValidator validator = null;
        if (r.has("validator")) {
            try {
                validator = SecretValidator.fromWire(r.get("validator").asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ":" + lines.fieldLine(line, "validator") + ": rule '" + id + "': " + e.getMessage());
            }
        }
        List<CharRuns.Requirement> requires = new ArrayList<>();
        if (r.has("requires")) {
            try {
                // one "class:N", or a list of them that must all hold
                if (r.get("requires").isArray()) for (JsonNode q : r.get("requires")) requires.add(CharRuns.Requirement.parse(q.asText()));
                else requires.add(CharRuns.Requirement.parse(r.get("requires").asText()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ":" + lines.fieldLine(line, "requires") + ": rule '" + id + "': " + e.getMessage());
            }
        }
        String kind = r.has("category") ? r.get("category").asText() : "credential";
        return new SecretRule(id, text(file, r, "description", line), file, line, regex, secretGroup, entropy, keywords,
                allowlists, required, r.path("skipReport").asBoolean(false), path, severity, kind, validator, detector,
                lower(strings(file, r, "contextWords", line)), lower(strings(file, r, "negativeContextWords", line)),
                r.path("contextRequired").asBoolean(false), r.path("contextWindow").asInt(60),
                strings(file, r, "languages", line), strings(file, r, "examples", line), strings(file, r, "counterexamples", line),
                r.has("priority") ? r.get("priority").asInt() : id.startsWith("generic") ? -1 : 0, requires, prefilter,
                detector == null ? null : phraseCues(file, r, line, where), lower(strings(file, r, "alsoKeywords", line)),
                bool(file, r, "outsidePhoneNumbers", lines.fieldLine(line, "outsidePhoneNumbers"), id));
    }

    /** A true/false field, false when absent; anything else is an error that names the field. */
    private static boolean bool(Path file, JsonNode r, String field, int line, String id) {
        JsonNode v = r.get(field);
        if (v == null) return false;
        if (!v.isBoolean()) throw new ConfigException(file + ":" + line + ": rule '" + id + "': '" + field + "' must be true or false");
        return v.asBoolean();
    }

    /** The bip39 detector's cue words: {@code labels}, {@code labelFillers}, {@code adviceWords}, {@code adviceExceptions}, {@code proseWords}, {@code grammarChars}, {@code maskCues}. */
    private static PhraseCues phraseCues(Path file, JsonNode r, int line, String where) {
        List<String> grammar = strings(file, r, "grammarChars", line);
        for (String g : grammar) {
            if (g.codePointCount(0, g.length()) != 1) throw new ConfigException(where + ": 'grammarChars' holds single characters, not '" + g + "'");
        }
        int maxGrammar = r.path("maxGrammarChars").asInt(2);
        int maxSpaced = r.path("maxGrammarCharsSpaced").asInt(3);
        if (maxGrammar < 0 || maxSpaced < 0) throw new ConfigException(where + ": 'maxGrammarChars' and 'maxGrammarCharsSpaced' must be 0 or more");
        return new PhraseCues(lower(strings(file, r, "labels", line)), lower(strings(file, r, "labelFillers", line)),
                lower(strings(file, r, "adviceWords", line)), lower(strings(file, r, "adviceExceptions", line)),
                lower(strings(file, r, "proseWords", line)), grammar, maxGrammar, maxSpaced, groupLabel(r, where),
                lower(strings(file, r, "maskCues", line)));
    }

    /** {@code [context] removedMarks}: tables of one {@code mark} (a single char) and the {@code cues} that say to remove it. */
    private static List<MarkRemoval> markRemovals(Path file, JsonNode context, int line) {
        JsonNode v = context.get("removedMarks");
        if (v == null) return List.of();
        if (!v.isArray()) throw new ConfigException(file + ":" + line + ": 'removedMarks' must be an array of tables ({ mark = \".\", cues = [...] })");
        List<MarkRemoval> out = new ArrayList<>();
        for (JsonNode r : v) {
            String mark = text(file, r, "mark", line);
            if (mark == null || mark.length() != 1) throw new ConfigException(file + ":" + line + ": 'removedMarks' needs a 'mark' of one char, not " + mark);
            List<String> cues = strings(file, r, "cues", line);
            if (cues.isEmpty()) throw new ConfigException(file + ":" + line + ": 'removedMarks' for '" + mark + "' needs 'cues'");
            out.add(new MarkRemoval(mark.charAt(0), lower(cues)));
        }
        return out;
    }

    /**
     * {@code [context] translatedLabels}: {@code { as = "password", words = ["contraseña", "senha"], copulas = ["es", "é"] }},
     * words in lower case; copulas optional.
     */
    private static List<LabelTranslation> labelTranslations(Path file, JsonNode context, int line) {
        JsonNode v = context.get("translatedLabels");
        if (v == null) return List.of();
        if (!v.isArray()) throw new ConfigException(file + ":" + line + ": 'translatedLabels' must be an array of tables ({ as = \"password\", words = [...] })");
        List<LabelTranslation> out = new ArrayList<>();
        for (JsonNode r : v) {
            String as = text(file, r, "as", line);
            if (as == null || as.isBlank()) throw new ConfigException(file + ":" + line + ": 'translatedLabels' needs 'as' (the word the rules know)");
            List<String> words = strings(file, r, "words", line);
            if (words.isEmpty()) throw new ConfigException(file + ":" + line + ": 'translatedLabels' for '" + as + "' needs 'words'");
            out.add(new LabelTranslation(as, lower(words), r.has("copulas") ? lower(strings(file, r, "copulas", line)) : List.of()));
        }
        return out;
    }

    /** {@code [context] partLabel} (matched against lower-cased text) and the {@code partKeywords} it needs; null when absent. */
    private static PartLabels partLabels(Path file, JsonNode context, int line) {
        String label = text(file, context, "partLabel", line);
        if (label == null) return null;
        List<String> keywords = strings(file, context, "partKeywords", line);
        if (keywords.isEmpty()) throw new ConfigException(file + ":" + line + ": 'partLabel' needs 'partKeywords' (words one of which a message must hold)");
        try {
            return new PartLabels(Pattern.compile(GoRegex.toRe2j(label)), lower(keywords));
        } catch (PatternSyntaxException e) {
            throw new ConfigException(file + ":" + line + ": bad partLabel: " + e.getMessage());
        }
    }

    /**
     * The bip39 rule's {@code groupLabel}, then a colon or, at a line's start, a space ("第一段 frost antique …"):
     * matched against a line's start up to its colon, or looked for at the start of a line without one.
     */
    private static Pattern groupLabel(JsonNode r, String where) {
        if (!r.has("groupLabel")) return null;
        try {
            return Pattern.compile("(?:" + GoRegex.toRe2j(r.get("groupLabel").asText()) + ")(?:[ \\t]*[:：]|[ \\t]+)");
        } catch (PatternSyntaxException e) {
            throw new ConfigException(where + ": bad groupLabel: " + e.getMessage());
        }
    }

    private static Allowlist allowlist(Path file, JsonNode a, int line) {
        String condition = a.path("condition").asText("OR").toUpperCase(Locale.ROOT);
        if (!condition.equals("OR") && !condition.equals("AND")) {
            throw new ConfigException(file + ":" + line + ": allowlist condition must be OR or AND, not '" + condition + "'");
        }
        String target = a.path("regexTarget").asText("secret");
        if (!List.of("secret", "match", "line").contains(target)) {
            throw new ConfigException(file + ":" + line + ": allowlist regexTarget must be secret, match or line, not '" + target + "'");
        }
        List<Pattern> regexes = new ArrayList<>();
        for (String s : strings(file, a, "regexes", line)) {
            try {
                regexes.add(Pattern.compile(GoRegex.toRe2j(s)));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(file + ":" + line + ": bad allowlist regex: " + e.getMessage());
            }
        }
        return new Allowlist(a.path("description").asText(""), condition.equals("AND"), target, regexes,
                strings(file, a, "stopwords", line), strings(file, a, "targetRules", line));
    }

    private static Iterable<JsonNode> array(Path file, JsonNode node, String field, int line) {
        JsonNode v = node.get(field);
        if (!v.isArray()) throw new ConfigException(file + ":" + line + ": '" + field + "' must be an array");
        return v;
    }

    private static String text(Path file, JsonNode node, String field, int line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ConfigException(file + ":" + line + ": '" + field + "' must be a string");
        return v.asText();
    }

    private static List<String> strings(Path file, JsonNode node, String field, int line) {
        JsonNode v = node.get(field);
        if (v == null) return List.of();
        if (!v.isArray()) throw new ConfigException(file + ":" + line + ": '" + field + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new ConfigException(file + ":" + line + ": '" + field + "' must be an array of strings");
            out.add(e.asText());
        }
        return out;
    }

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** Line numbers of the TOML source, which the tree parser does not keep: the n-th {@code [[rules]]} header. */
    private static final class TomlLines {
        private final String[] lines;
        private final List<Integer> ruleHeaders = new ArrayList<>();

        TomlLines(String raw) {
            lines = raw.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().equals("[[rules]]")) ruleHeaders.add(i + 1);
            }
        }

        int ruleLine(int index) { return index < ruleHeaders.size() ? ruleHeaders.get(index) : 1; }

        int firstLine(String header) {
            for (int i = 0; i < lines.length; i++) if (lines[i].strip().equals(header)) return i + 1;
            return 1;
        }

        /** The line of {@code key = ...} (or a header) inside the rule starting at {@code ruleLine}. */
        int fieldLine(int ruleLine, String key) {
            for (int i = ruleLine; i < lines.length; i++) {
                String s = lines[i].strip();
                if (s.equals("[[rules]]")) break;
                if (s.equals(key) || s.startsWith(key + " ") || s.startsWith(key + "=")) return i + 1;
            }
            return ruleLine;
        }
    }
}
