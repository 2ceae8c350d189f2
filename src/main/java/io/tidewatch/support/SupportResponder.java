package io.tidewatch.support;

import io.tidewatch.core.TweetLength;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers support questions sent to the official accounts: finds the topic and language, and points
 * the user to the right official channel with what to prepare and how to stay safe. All wording comes
 * from {@code rules/support/} and the brand profile's {@code support} section.
 *
 * <p>Thread-safe; one instance serves every chat. The per-user throttle (same platform + user id
 * asking again within {@code throttle_minutes} gets the short form) lives in memory and resets when
 * the process restarts. Per-topic statistics need nothing but {@link SupportAnswer#topic()}.
 */
public final class SupportResponder {
    private static final String CALLBACK_PREFIX = "sup:";
    private static final Pattern ASCII_WORDISH = Pattern.compile("[\\p{Alnum} '\\-]+");

    private final SupportRules rules;
    private final BrandProfile brand;
    private final BrandProfile.Support support;
    private final TopicMatcher matcher;
    private final LanguageDetector languages;
    private final EmailReplyEstimator email;
    private final io.tidewatch.core.WindowThrottle throttle;
    private final Map<String, List<Pattern>> helpCues;
    /** The official-accounts line per language (brand data rendered once). */
    private final Map<String, String> officialAccounts;

    private SupportResponder(SupportRules rules, BrandProfile brand, EmailReplyEstimator email) {
        this.rules = rules;
        this.brand = brand;
        this.support = brand.support();
        this.email = email;
        SupportRules.Settings s = rules.settings();
        List<LanguageDetector.Profile> profiles = new ArrayList<>();
        Map<String, List<Pattern>> cues = new HashMap<>();
        rules.languages().forEach((code, pack) -> {
            profiles.add(pack.profile());
            cues.put(code, pack.helpCues().stream().map(SupportResponder::cuePattern).toList());
        });
        this.matcher = topicMatcher(rules);
        this.languages = new LanguageDetector(profiles, s.defaultLanguage());
        this.throttle = new io.tidewatch.core.WindowThrottle(s.throttle());
        this.helpCues = Map.copyOf(cues);
        Map<String, String> accounts = new HashMap<>();
        rules.languages().forEach((code, pack) -> accounts.put(code, officialAccounts(pack)));
        this.officialAccounts = Map.copyOf(accounts);
    }

    /** The topic matcher the rules describe: phrases and analysis per language, labeled questions and examples. */
    static TopicMatcher topicMatcher(SupportRules rules) {
        Map<String, TopicMatcher.Analysis> analyzers = new HashMap<>();
        List<TopicMatcher.Phrases> phrases = new ArrayList<>();
        rules.languages().forEach((code, pack) -> {
            analyzers.put(code, new TopicMatcher.Analysis(pack.analyzers(), pack.stopwords(), pack.abbreviations()));
            pack.topics().forEach((topic, texts) -> phrases.add(new TopicMatcher.Phrases(topic, code, texts.phrases())));
        });
        // the rule files' own examples are labeled questions too
        List<TopicMatcher.Labeled> labeled = new ArrayList<>(rules.training());
        if (!labeled.isEmpty()) {
            rules.languages().values().forEach(pack -> pack.topics().forEach((topic, texts) ->
                    texts.examples().forEach(e -> labeled.add(new TopicMatcher.Labeled(e, topic)))));
        }
        SupportRules.Settings s = rules.settings();
        return new TopicMatcher(analyzers, phrases, labeled, s.tuning(), s.fallbackTopic());
    }

    /** Loads rules/support/* and uses brand.support; ConfigException (file, line, field) on bad files. */
    public static SupportResponder load(Path rulesDir, BrandProfile brand) {
        BrandProfile.Support support = brand.support();
        if (support == null || support.liveChat() == null || support.email() == null || support.helpCenter() == null) {
            throw new ConfigException("brand profile: field 'support' needs live_chat, email and help_center");
        }
        requireText(support.liveChat().url(), "support.live_chat.url");
        requireText(support.liveChat().hours(), "support.live_chat.hours");
        requireText(support.email().address(), "support.email.address");
        requireText(support.helpCenter().url(), "support.help_center.url");
        requireText(support.helpCenter().searchUrl(), "support.help_center.search_url");
        if (!support.helpCenter().searchUrl().contains("{query}")) {
            throw new ConfigException("brand profile: field 'support.help_center.search_url' must contain {query}");
        }
        return new SupportResponder(SupportRulesLoader.load(rulesDir), brand, estimator(support.email()));
    }

    private static EmailReplyEstimator estimator(BrandProfile.Email e) {
        ZoneId zone;
        try {
            zone = ZoneId.of(e.timezone());
        } catch (DateTimeException ex) {
            throw new ConfigException("brand profile: field 'support.email.timezone': unknown time zone '"
                    + e.timezone() + "' (use e.g. UTC, Asia/Shanghai, +08:00)");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < e.holidays().size(); i++) {
            try {
                holidays.add(LocalDate.parse(e.holidays().get(i)));
            } catch (DateTimeParseException ex) {
                throw new ConfigException("brand profile: field 'support.email.holidays[" + i + "]': '"
                        + e.holidays().get(i) + "' is not an ISO date (YYYY-MM-DD)");
            }
        }
        List<Integer> days = e.firstReplyBusinessDays();
        if (days.isEmpty() || days.size() > 2 || days.get(0) < 0 || days.get(days.size() - 1) < days.get(0)) {
            throw new ConfigException("brand profile: field 'support.email.first_reply_business_days': give [min, max], e.g. [1, 2]");
        }
        return new EmailReplyEstimator(zone, holidays, days.get(0), days.get(days.size() - 1));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) throw new ConfigException("brand profile: field '" + field + "' is required");
    }

    /** The topic ids an answer can carry, for adapters that keep per-topic counts. */
    public List<String> topics() {
        return rules.topics().stream().map(SupportRules.TopicDefinition::id).toList();
    }

    /** The languages answers come in, from the messages.*.yaml files. */
    public Set<String> languages() { return rules.languages().keySet(); }

    public EmailReplyEstimator emailReplyEstimator() { return email; }

    /**
     * Answer to a DM / help-asking mention. {@code secretFindings} are findings of category SECRET
     * already detected in this post (may be empty): the answer then starts with an urgent warning and
     * revocation steps, never repeating the secret. {@code now} drives the email reply dates and the
     * throttle. Twitter mention: plain text within the weighted tweet limit, with a link; Twitter DM:
     * plain text; Telegram: HTML (user words escaped) plus buttons.
     */
    public SupportAnswer answer(Post post, List<Finding> secretFindings, Instant now) {
        return answer(post, secretFindings, now, "");
    }

    /**
     * The public answer to a mention or a reply that asks for help ({@link #asksForHelp}): one post
     * within the weighted tweet limit, in the asker's language, naming the official channels, and
     * starting with the asker's @handle (X shows it as "replying to"; it also keeps two answers on one
     * topic from being the same text, which X refuses as a duplicate). Empty for anything else.
     * Platform-neutral, so the sandbox shows the same answer the Twitter adapter posts.
     */
    public Optional<SupportAnswer> publicReply(Post post, Instant now) {
        if (post.kind() != PostKind.MENTION && post.kind() != PostKind.REPLY) return Optional.empty();
        if (post.platform() == Platform.TELEGRAM || !asksForHelp(post)) return Optional.empty();
        String handle = post.author().username();
        String to = handle == null || handle.isBlank() ? "" : "@" + handle + " ";
        return Optional.of(answer(post, List.of(), now, to));
    }

    private SupportAnswer answer(Post post, List<Finding> secretFindings, Instant now, String to) {
        List<Finding> secrets = secretFindings == null ? List.of()
                : secretFindings.stream().filter(f -> f.category() == Category.SECRET).toList();
        String question = withoutSpans(post.text(), secrets);
        String lang = languages.detect(question, post.language());
        SupportRules.LanguagePack pack = rules.languages().get(lang);
        SupportRules.TopicDefinition topic = rules.topic(matcher.match(question).topic());
        boolean brief = throttle.throttled(post.platform().wireName() + ":" + post.author().id(), now);
        Template.Format format = post.platform() == Platform.TELEGRAM ? Template.Format.HTML : Template.Format.PLAIN;

        Map<String, String> vars = variables(pack, topic, now);
        String words = secrets.isEmpty() ? SearchWords.of(question, rules.settings().searchWordsMaxChars()) : "";
        if (words.isBlank()) words = pack.topics().get(topic.id()).searchQuery();
        vars.put("search_words", words);
        vars.put("search_url", searchUrl(words));

        List<String> kinds = secretKinds(secrets);
        String text;
        boolean publicTweet = post.platform() == Platform.TWITTER && post.kind() != PostKind.DM;
        if (publicTweet) {
            text = mention(pack, kinds, vars, brief, to);
        } else {
            List<String> parts = new ArrayList<>();
            if (!kinds.isEmpty()) parts.add(secretWarning(pack, kinds, vars, format));
            parts.add(brief ? pack.text("brief").render(vars, format) : full(pack, topic, vars, format));
            int limit = post.platform() == Platform.TELEGRAM ? rules.settings().telegramLimit() : rules.settings().twitterDmLimit();
            text = fit(String.join("\n\n", parts), limit);
        }
        List<Button> buttons = post.platform() == Platform.TELEGRAM ? channelButtons(pack, topic, vars) : List.of();
        return new SupportAnswer(topic.id(), lang, topic.channels().stream().map(Channel::wireName).toList(),
                text, buttons, brief);
    }

    /** The /start and /help menu in a language: text + inline buttons (live chat, email, help center, verify an account, report a scammer). */
    public SupportAnswer menu(String language) {
        SupportRules.LanguagePack pack = pack(language);
        SupportRules.TopicDefinition general = rules.topic(rules.settings().fallbackTopic());
        Map<String, String> vars = variables(pack, general, Instant.now());
        String text = pack.menu("text").render(vars, Template.Format.HTML);
        List<Button> buttons = List.of(
                Button.link(plain(pack.menu("buttons.live_chat"), vars), support.liveChat().url()),
                Button.callback(plain(pack.menu("buttons.email"), vars), callbackData("email", pack.code())),
                Button.link(plain(pack.menu("buttons.help_center"), vars), support.helpCenter().url()),
                Button.callback(plain(pack.menu("buttons.verify"), vars), callbackData("verify", pack.code())),
                Button.callback(plain(pack.menu("buttons.report"), vars), callbackData("report", pack.code())));
        return new SupportAnswer(general.id(), pack.code(), general.channels().stream().map(Channel::wireName).toList(),
                text, buttons, false);
    }

    /**
     * The answer to a menu button's callback data ({@code sup:email:zh}, {@code sup:verify:en},
     * {@code sup:report:en}) as Telegram HTML; empty when the data is not one of ours.
     */
    public Optional<SupportAnswer> callback(String data, Instant now) {
        if (data == null || !data.startsWith(CALLBACK_PREFIX)) return Optional.empty();
        String[] parts = data.split(":");
        if (parts.length != 3 || !List.of("email", "verify", "report").contains(parts[1])) return Optional.empty();
        SupportRules.LanguagePack pack = pack(parts[2]);
        SupportRules.TopicDefinition general = rules.topic(rules.settings().fallbackTopic());
        Map<String, String> vars = variables(pack, general, now);
        String text = pack.callback(parts[1]).render(vars, Template.Format.HTML);
        List<Button> buttons = parts[1].equals("email") ? List.of()
                : List.of(Button.link(plain(pack.menu("buttons.live_chat"), vars), support.liveChat().url()));
        return Optional.of(new SupportAnswer(general.id(), pack.code(),
                general.channels().stream().map(Channel::wireName).toList(), text, buttons, false));
    }

    /** Whether a public mention asks for help (so the bot should answer it). Never for official or staff accounts. */
    public boolean asksForHelp(Post post) {
        if (brand.isTrusted(post.platform(), post.author().id())) return false;
        String text = post.text();
        if (text.isBlank()) return false;
        if (!matcher.match(text).topic().equals(rules.settings().fallbackTopic())) return true;
        for (List<Pattern> cues : helpCues.values()) {
            for (Pattern p : cues) if (p.matcher(text).find()) return true;
        }
        return false;
    }

    /** Phrases of each topic per language and the examples each language file gives, for tests and tuning. */
    Map<String, List<String>> examples(String language, String topic) {
        SupportRules.TopicTexts t = rules.languages().get(language).topics().get(topic);
        return Map.of("phrases", t.phrases(), "examples", t.examples());
    }

    SupportRules rules() { return rules; }

    /** The topic ranking behind a match, for diagnostics. */
    List<Map.Entry<String, Double>> ranking(String text) { return matcher.ranking(text); }

    // --- rendering -------------------------------------------------------------------------------

    private String full(SupportRules.LanguagePack pack, SupportRules.TopicDefinition topic, Map<String, String> vars,
                        Template.Format f) {
        SupportRules.TopicTexts t = pack.topics().get(topic.id());
        List<String> parts = new ArrayList<>();
        parts.add(pack.text("greeting").render(vars, f));
        parts.add(pack.text("topic_heading").render(vars, f) + "\n" + t.intro().render(vars, f));
        StringBuilder channels = new StringBuilder(pack.text("channels_heading").render(vars, f));
        for (Channel c : topic.channels()) {
            channels.append("\n\n").append(pack.text(c.wireName()).render(vars, f));
            if (c == Channel.HELP_CENTER && topic.articlePath() != null) {
                channels.append("\n").append(pack.text("article").render(vars, f));
            }
        }
        parts.add(channels.toString());
        parts.add(pack.text("social").render(vars, f));
        parts.add(pack.text("safety_heading").render(vars, f) + "\n" + pack.text("safety").render(vars, f));
        return String.join("\n\n", parts);
    }

    private String secretWarning(SupportRules.LanguagePack pack, List<String> kinds, Map<String, String> vars,
                                 Template.Format f) {
        StringBuilder b = new StringBuilder(pack.secretWarning("heading").render(withKinds(pack, kinds, vars), f));
        for (String kind : kinds) b.append("\n• ").append(pack.secretKinds().get(kind).steps().render(vars, f));
        b.append("\n").append(pack.secretWarning("footer").render(vars, f));
        return b.toString();
    }

    /** A public reply: within the weighted tweet limit, dropping the least important parts first. */
    private String mention(SupportRules.LanguagePack pack, List<String> kinds, Map<String, String> vars, boolean brief,
                           String to) {
        int limit = rules.settings().twitterMentionLimit() - TweetLength.of(to);
        Template.Format f = Template.Format.PLAIN;
        String warning = kinds.isEmpty() ? null : pack.secretWarning("mention").render(withKinds(pack, kinds, vars), f);
        List<String> candidates = new ArrayList<>();
        String full = pack.text("mention").render(vars, f);
        String shortForm = pack.text("mention_brief").render(vars, f);
        if (!brief) candidates.add(full);
        candidates.add(shortForm);
        for (String c : candidates) {
            String text = warning == null ? c : warning + "\n" + c;
            if (TweetLength.of(text) <= limit) return to + text;
        }
        String last = warning != null ? warning : shortForm;
        return to + truncateTweet(last, limit);
    }

    private static String truncateTweet(String text, int limit) {
        String s = text;
        while (TweetLength.of(s + "…") > limit && !s.isEmpty()) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1)).stripTrailing();
        }
        return s + "…";
    }

    /** Safety net only: the rules are written to fit; a too-long answer is cut between paragraphs. */
    private static String fit(String text, int limit) {
        if (text.length() <= limit) return text;
        int cut = text.lastIndexOf("\n\n", limit - 1);
        if (cut <= 0) cut = limit - 1;
        return text.substring(0, cut) + "…";
    }

    private List<Button> channelButtons(SupportRules.LanguagePack pack, SupportRules.TopicDefinition topic,
                                        Map<String, String> vars) {
        List<Button> out = new ArrayList<>();
        for (Channel c : topic.channels()) {
            String label = plain(pack.menu("buttons." + c.wireName()), vars);
            switch (c) {
                case LIVE_CHAT -> out.add(Button.link(label, support.liveChat().url()));
                case EMAIL -> out.add(Button.callback(label, callbackData("email", pack.code())));
                case HELP_CENTER -> out.add(Button.link(label, vars.get("help_link")));
            }
        }
        return out;
    }

    private static String callbackData(String action, String lang) { return CALLBACK_PREFIX + action + ":" + lang; }

    private static String plain(Template t, Map<String, String> vars) { return t.render(vars, Template.Format.PLAIN); }

    private Map<String, String> withKinds(SupportRules.LanguagePack pack, List<String> kinds, Map<String, String> vars) {
        Map<String, String> v = new HashMap<>(vars);
        v.put("secret_kinds", String.join(pack.listSeparator(),
                kinds.stream().map(k -> plain(pack.secretKinds().get(k).name(), vars)).toList()));
        return v;
    }

    /** Every variable a template may use (SupportRulesLoader.VARIABLES), filled for this topic and moment. */
    private Map<String, String> variables(SupportRules.LanguagePack pack, SupportRules.TopicDefinition topic, Instant now) {
        SupportRules.TopicTexts t = pack.topics().get(topic.id());
        ReplyWindow window = email.firstReplyBy(now);
        List<Integer> days = support.email().firstReplyBusinessDays();
        Map<String, String> v = new HashMap<>();
        v.put("brand_name", brand.brand().name());
        v.put("live_chat_url", support.liveChat().url());
        v.put("live_chat_hours", support.liveChat().hours());
        v.put("email_address", support.email().address());
        v.put("reply_days", days.get(0).equals(days.get(days.size() - 1)) ? String.valueOf(days.get(0))
                : days.get(0) + "–" + days.get(days.size() - 1));
        v.put("reply_from", pack.dateFormat().format(window.earliest()));
        v.put("reply_to", pack.dateFormat().format(window.latest()));
        v.put("timezone", window.zone().getId());
        v.put("help_center_url", support.helpCenter().url());
        String article = topic.articlePath() == null ? "" : trimSlash(support.helpCenter().url()) + topic.articlePath();
        v.put("article_url", article);
        v.put("domains", String.join(pack.listSeparator(), brand.brand().domains()));
        v.put("official_accounts", officialAccounts.get(pack.code()));
        v.put("secret_kinds", "");
        v.put("platform", "");
        v.put("username", "");
        v.put("id", "");
        v.put("search_words", t.searchQuery());
        v.put("search_url", searchUrl(t.searchQuery()));
        String helpLink = article.isEmpty() ? searchUrl(t.searchQuery()) : article;
        v.put("help_link", helpLink);
        v.put("link", helpLink);
        // topic texts may themselves use the variables above
        v.put("title", plain(t.title(), v));
        v.put("subject", plain(t.subject(), v));
        v.put("prepare", plain(t.prepare(), v));
        v.put("primary_channel", plain(pack.text("primary." + topic.channels().get(0).wireName()), v));
        return v;
    }

    private String officialAccounts(SupportRules.LanguagePack pack) {
        List<String> out = new ArrayList<>();
        for (Platform p : List.of(Platform.TELEGRAM, Platform.TWITTER)) {
            for (BrandProfile.Account a : brand.official().on(p)) {
                Map<String, String> v = new HashMap<>();
                SupportRulesLoader.VARIABLES.forEach(k -> v.put(k, ""));
                v.put("platform", plain(pack.text("platform_names." + p.wireName()), v));
                v.put("username", a.username() == null ? "" : a.username());
                v.put("id", a.id());
                out.add(plain(pack.text("official_account"), v));
            }
        }
        return String.join(pack.listSeparator(), out);
    }

    private String searchUrl(String words) {
        return support.helpCenter().searchUrl().replace("{query}",
                URLEncoder.encode(words, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String trimSlash(String url) { return url.endsWith("/") ? url.substring(0, url.length() - 1) : url; }

    private List<String> secretKinds(List<Finding> secrets) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Finding f : secrets) {
            for (SupportRules.SecretKindRule r : rules.settings().secretKinds()) {
                if (r.rule().matcher(f.rule()).find()) {
                    kinds.add(r.kind());
                    break;
                }
            }
        }
        return List.copyOf(kinds);
    }

    /** The question without the secret: each finding's span becomes a space before anything reads it. */
    private static String withoutSpans(String text, List<Finding> secrets) {
        if (secrets.isEmpty()) return text;
        StringBuilder b = new StringBuilder(text);
        for (Finding f : secrets.stream().sorted(Comparator.comparingInt(Finding::start)).toList()) {
            int start = Math.max(0, Math.min(f.start(), b.length()));
            int end = Math.max(start, Math.min(f.end(), b.length()));
            for (int i = start; i < end; i++) b.setCharAt(i, ' ');
        }
        return b.toString();
    }

    private SupportRules.LanguagePack pack(String language) {
        String code = language == null ? "" : LanguageDetector.baseCode(language);
        SupportRules.LanguagePack p = rules.languages().get(code);
        return p != null ? p : rules.languages().get(rules.settings().defaultLanguage());
    }

    private static Pattern cuePattern(String cue) {
        String q = Pattern.quote(cue.toLowerCase(Locale.ROOT));
        return ASCII_WORDISH.matcher(cue).matches()
                ? Pattern.compile("(?<![\\p{Alnum}])" + q + "(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                : Pattern.compile(q, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
