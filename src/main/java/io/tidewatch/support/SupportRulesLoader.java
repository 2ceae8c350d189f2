package io.tidewatch.support;

import io.tidewatch.core.ConfigException;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code rules/support/}: {@code settings.yaml}, {@code topics.yaml} and every
 * {@code messages.<language>.yaml} (adding a language is adding such a file). Everything is checked
 * before anything is used (required texts present for every topic and secret kind, templates use
 * only known ${variables}), and every problem names file, line and field.
 */
final class SupportRulesLoader {
    /** The ${variables} a template may use; rendering fills all of them. */
    static final Set<String> VARIABLES = Set.of("brand_name", "live_chat_url", "live_chat_hours", "email_address",
            "reply_days", "reply_from", "reply_to", "timezone", "subject", "prepare", "search_words", "search_url",
            "help_center_url", "article_url", "official_accounts", "domains", "title", "primary_channel", "link",
            "help_link", "secret_kinds", "platform", "username", "id");

    private static final List<String> TEXT_KEYS = List.of("greeting", "topic_heading", "channels_heading", "live_chat",
            "email", "help_center", "article", "social", "safety_heading", "safety", "brief", "mention", "mention_brief",
            "primary.live_chat", "primary.email", "primary.help_center", "official_account",
            "platform_names.telegram", "platform_names.twitter");
    private static final List<String> MENU_KEYS = List.of("text", "buttons.live_chat", "buttons.email",
            "buttons.help_center", "buttons.verify", "buttons.report");
    private static final List<String> CALLBACK_KEYS = List.of("email", "verify", "report");
    private static final List<String> WARNING_KEYS = List.of("heading", "footer", "mention");

    private SupportRulesLoader() {}

    static SupportRules load(Path rulesDir) {
        Path dir = rulesDir.resolve("support");
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": support rules directory not found (pass --rules DIR)");
        }
        SupportRules.Settings settings = settings(YamlNode.parse(dir.resolve("settings.yaml")));
        if (!(settings.tuning().classifierC() > 0)) {
            throw new ConfigException(dir.resolve("settings.yaml") + ": field 'matching.classifier_c' must be a positive number, got "
                    + settings.tuning().classifierC());
        }
        YamlNode topicsFile = YamlNode.parse(dir.resolve("topics.yaml"));
        List<SupportRules.TopicDefinition> topics = topics(topicsFile);
        if (topics.stream().noneMatch(t -> t.id().equals(settings.fallbackTopic()))) {
            throw topicsFile.get("topics").error("fallback_topic '" + settings.fallbackTopic()
                    + "' from settings.yaml is not defined here");
        }
        Map<String, SupportRules.LanguagePack> languages = new TreeMap<>();
        for (Path file : messageFiles(dir)) {
            String name = file.getFileName().toString();
            String code = name.substring("messages.".length(), name.length() - ".yaml".length());
            languages.put(code, language(YamlNode.parse(file), code, topics, settings));
        }
        if (!languages.containsKey(settings.defaultLanguage())) {
            throw new ConfigException(dir.resolve("settings.yaml") + ": field 'default_language': no messages."
                    + settings.defaultLanguage() + ".yaml in " + dir);
        }
        return new SupportRules(settings, topics, Map.copyOf(languages), training(dir.resolve("training.tsv"), topics));
    }

    /**
     * {@code training.tsv}: labeled questions ({@code question<TAB>topic}, {@code #} comments) the topic
     * classifier learns from; optional (without it the phrases alone choose the topic).
     */
    static List<TopicMatcher.Labeled> training(Path file, List<SupportRules.TopicDefinition> topics) {
        if (!Files.exists(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        Set<String> ids = new HashSet<>();
        topics.forEach(t -> ids.add(t.id()));
        List<TopicMatcher.Labeled> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 2 || f[0].isBlank()) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected 'question<TAB>topic'");
            }
            if (!ids.contains(f[1].strip())) {
                throw new ConfigException(file + ":" + (i + 1) + ": unknown topic '" + f[1].strip() + "' (topics.yaml defines " + ids + ")");
            }
            out.add(new TopicMatcher.Labeled(f[0].strip(), f[1].strip()));
        }
        return List.copyOf(out);
    }

    private static List<Path> messageFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "messages.*.yaml")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static SupportRules.Settings settings(YamlNode root) {
        YamlNode m = root.opt("matching").orElse(null);
        TopicMatcher.Tuning tuning = new TopicMatcher.Tuning(
                m == null ? 2.0 : m.number("min_score", 2.0),
                m == null ? 0.93 : m.number("ambiguity_ratio", 0.93),
                m == null ? 0.3 : m.number("second_phrase_share", 0.3),
                (int) (m == null ? 5 : m.number("fuzzy_min_length", 5)),
                m == null ? 0.7 : m.number("fuzzy_boost", 0.7),
                m != null && m.optString("documents").map("topic"::equals).orElse(false),
                m == null ? 1.2 : m.number("bm25_k1", 1.2),
                m == null ? 0.75 : m.number("bm25_b", 0.75),
                m == null ? 100 : m.number("classifier_c", 100),
                m == null ? 50 : m.number("classifier_weight", 50),
                m == null ? Double.POSITIVE_INFINITY : m.number("classifier_min_margin", Double.POSITIVE_INFINITY));
        YamlNode limits = root.opt("limits").orElse(null);
        List<SupportRules.SecretKindRule> kinds = new ArrayList<>();
        for (YamlNode k : root.get("secret_kinds").items()) {
            YamlNode rule = k.get("rule");
            try {
                kinds.add(new SupportRules.SecretKindRule(k.string("kind"),
                        Pattern.compile(rule.text(), Pattern.CASE_INSENSITIVE)));
            } catch (PatternSyntaxException e) {
                throw rule.error("not a valid regular expression: " + e.getDescription());
            }
        }
        if (kinds.isEmpty()) throw root.get("secret_kinds").error("list at least one kind (end with rule \".*\")");
        double minutes = root.number("throttle_minutes", 10);
        if (minutes < 0) throw root.get("throttle_minutes").error("must not be negative");
        return new SupportRules.Settings(
                root.string("default_language"), root.string("fallback_topic"),
                Duration.ofSeconds(Math.round(minutes * 60)), tuning,
                (int) (limits == null ? 280 : limits.number("twitter_mention", 280)),
                (int) (limits == null ? 10_000 : limits.number("twitter_dm", 10_000)),
                (int) (limits == null ? 4096 : limits.number("telegram", 4096)),
                (int) root.number("search_words_max_chars", 80), List.copyOf(kinds));
    }

    private static List<SupportRules.TopicDefinition> topics(YamlNode root) {
        List<SupportRules.TopicDefinition> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode t : root.get("topics").items()) {
            String id = t.string("id");
            if (!id.matches("[a-z0-9_]+")) throw t.get("id").error("topic ids are lower-case letters, digits and '_'");
            if (!seen.add(id)) throw t.get("id").error("topic '" + id + "' is defined twice");
            List<Channel> channels = new ArrayList<>();
            YamlNode list = t.get("channels");
            for (YamlNode c : list.items()) {
                Channel ch = Channel.fromWire(c.text());
                if (ch == null) throw c.error("unknown channel '" + c.text() + "', use live_chat, email or help_center");
                if (channels.contains(ch)) throw c.error("channel '" + c.text() + "' listed twice");
                channels.add(ch);
            }
            if (channels.isEmpty()) throw list.error("list at least one channel");
            String article = t.optString("article").orElse(null);
            if (article != null && !article.startsWith("/")) throw t.get("article").error("article is a path starting with '/'");
            out.add(new SupportRules.TopicDefinition(id, List.copyOf(channels), article));
        }
        if (out.isEmpty()) throw root.get("topics").error("define at least one topic");
        return List.copyOf(out);
    }

    private static SupportRules.LanguagePack language(YamlNode root, String code,
                                                      List<SupportRules.TopicDefinition> topics,
                                                      SupportRules.Settings settings) {
        if (!root.string("language").equals(code)) {
            throw root.get("language").error("says '" + root.string("language") + "' but the file name says '" + code + "'");
        }
        Locale locale = Locale.forLanguageTag(root.string("locale"));
        YamlNode detect = root.get("detect");
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (YamlNode s : detect.get("scripts").items()) {
            try {
                scripts.add(UnicodeScript.forName(s.text()));
            } catch (IllegalArgumentException e) {
                throw s.error("unknown Unicode script '" + s.text() + "' (e.g. LATIN, HAN, CYRILLIC)");
            }
        }
        double weight = detect.number("weight", 1);
        List<String> analyzers = root.strings("analyzers");
        if (analyzers.isEmpty()) throw root.error("field 'analyzers': list at least one of " + TopicMatcher.ANALYZERS);
        for (YamlNode a : root.get("analyzers").items()) {
            if (!TopicMatcher.ANALYZERS.contains(a.text())) {
                throw a.error("unknown analyzer '" + a.text() + "', use one of " + TopicMatcher.ANALYZERS);
            }
        }
        DateTimeFormatter dateFormat;
        try {
            dateFormat = DateTimeFormatter.ofPattern(root.string("date_format"), locale);
        } catch (IllegalArgumentException e) {
            throw root.get("date_format").error("not a date pattern: " + e.getMessage());
        }

        Map<String, Template> text = templates(root.get("text"), TEXT_KEYS);
        Map<String, Template> menu = templates(root.get("menu"), MENU_KEYS);
        Map<String, Template> callbacks = templates(root.get("callbacks"), CALLBACK_KEYS);
        YamlNode warning = root.get("secret_warning");
        Map<String, Template> warningTexts = new HashMap<>();
        for (String k : WARNING_KEYS) warningTexts.put(k, template(warning.get(k)));
        YamlNode kindsNode = warning.get("kinds");
        Map<String, SupportRules.SecretTexts> kinds = new HashMap<>();
        for (SupportRules.SecretKindRule rule : settings.secretKinds()) {
            YamlNode k = kindsNode.opt(rule.kind()).orElseThrow(() ->
                    kindsNode.error("missing texts for secret kind '" + rule.kind() + "' (listed in settings.yaml)"));
            kinds.put(rule.kind(), new SupportRules.SecretTexts(template(k.get("name")), template(k.get("steps"))));
        }

        YamlNode topicsNode = root.get("topics");
        Set<String> known = new HashSet<>();
        topics.forEach(t -> known.add(t.id()));
        for (var e : topicsNode.entries().entrySet()) {
            if (!known.contains(e.getKey())) throw e.getValue().error("topic '" + e.getKey() + "' is not in topics.yaml");
        }
        Map<String, SupportRules.TopicTexts> topicTexts = new LinkedHashMap<>();
        for (SupportRules.TopicDefinition def : topics) {
            YamlNode t = topicsNode.opt(def.id()).orElseThrow(() ->
                    topicsNode.error("missing texts for topic '" + def.id() + "' (every topic in topics.yaml needs them)"));
            List<String> phrases = t.strings("phrases");
            if (phrases.isEmpty()) throw t.error("list some 'phrases' people use for this topic");
            topicTexts.put(def.id(), new SupportRules.TopicTexts(template(t.get("title")), template(t.get("subject")),
                    template(t.get("intro")), template(t.get("prepare")), t.string("search_query"),
                    phrases, t.strings("examples")));
        }
        return new SupportRules.LanguagePack(code, locale, new LanguageDetector.Profile(code, scripts, weight),
                analyzers, root.strings("stopwords"), abbreviations(root), dateFormat, root.optString("list_separator").orElse(", "),
                root.strings("help_cues"), root.strings("help_examples"), root.strings("not_help_examples"),
                text, menu, callbacks, Map.copyOf(warningTexts), Map.copyOf(kinds), topicTexts);
    }

    /** {@code abbreviations}: a short Latin token people type for a word ("tb": "提币"), read as the word. */
    private static Map<String, String> abbreviations(YamlNode root) {
        Map<String, String> out = new HashMap<>();
        if (root.opt("abbreviations").isEmpty()) return Map.of();
        for (var e : root.get("abbreviations").entries().entrySet()) {
            if (!e.getKey().matches("[a-z0-9]+")) throw e.getValue().error("an abbreviation is lower-case letters and digits");
            String word = e.getValue().text();
            if (word.isBlank()) throw e.getValue().error("must not be empty");
            out.put(e.getKey(), word);
        }
        return Map.copyOf(out);
    }

    /** Flattens a section into dotted keys and checks the required ones are there. */
    private static Map<String, Template> templates(YamlNode section, List<String> required) {
        Map<String, Template> out = new HashMap<>();
        flatten(section, "", out);
        for (String key : required) {
            if (!out.containsKey(key)) throw section.error("missing required text '" + key + "'");
        }
        return Map.copyOf(out);
    }

    private static void flatten(YamlNode node, String prefix, Map<String, Template> out) {
        for (var e : node.entries().entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isMapping()) flatten(e.getValue(), key, out);
            else out.put(key, template(e.getValue()));
        }
    }

    /** A text that may only use known variables: checked now by rendering it with every variable set. */
    private static Template template(YamlNode node) {
        String text = node.text();
        if (text.isBlank()) throw node.error("must not be empty");
        Template t = new Template(text, node.file() + ":" + node.line() + ": field '" + node.path() + "'");
        Map<String, String> dummy = new HashMap<>();
        VARIABLES.forEach(v -> dummy.put(v, v));
        try {
            t.render(dummy, Template.Format.HTML);
        } catch (IllegalStateException e) {
            throw node.error("uses an unknown variable (" + e.getCause().getMessage() + "); known: "
                    + new java.util.TreeSet<>(VARIABLES));
        }
        return t;
    }
}
