package io.tidewatch.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.Category;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Severity;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code rules/policy.yaml}, validated: thresholds per category, revocation kinds, examples. */
public final class PolicyRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Thresholds for one category; an empty Optional means "never". */
    public record CategoryRule(Optional<Severity> deleteAt, Optional<Severity> warnGroupAt,
                               Optional<Severity> dmOwnerAt, Optional<Severity> alertAt,
                               Optional<Severity> urgentAt, Optional<Severity> restrictAt,
                               Duration restrictFor, Optional<Severity> banAt) {
        static boolean reaches(Optional<Severity> threshold, Severity s) {
            return threshold.isPresent() && s.atLeast(threshold.get());
        }
    }

    public record Revocation(String kind, Pattern rules) {}

    // raw file shape
    record RawCategory(String deleteAt, String warnGroupAt, String dmOwnerAt, String alertAt, String urgentAt,
                       String restrictAt, String restrictFor, String banAt) {}
    record RawRevocation(String kind, String rules) {}
    record RawChannel(Boolean deleteSecrets) {}
    record RawTwitter(Boolean replyToLeaks, Map<String, String> hideReplyAt, Map<String, String> blockAt,
                      Map<String, String> muteAt, String dmOwnerAt) {}

    /**
     * What happens on X, where nothing can be deleted: per category, from which severity a reply under
     * an official post is hidden and its author blocked or muted; whether a leak gets a public reply
     * (when it is not hidden) and from which severity its owner gets the revocation steps by DM.
     */
    public record TwitterRule(boolean replyToLeaks, Map<Category, Optional<Severity>> hideReplyAt,
                              Map<Category, Optional<Severity>> blockAt, Map<Category, Optional<Severity>> muteAt,
                              Optional<Severity> dmOwnerAt) {
        public Optional<Severity> hideReplyAt(Category c) { return hideReplyAt.getOrDefault(c, Optional.empty()); }

        public Optional<Severity> blockAt(Category c) { return blockAt.getOrDefault(c, Optional.empty()); }

        public Optional<Severity> muteAt(Category c) { return muteAt.getOrDefault(c, Optional.empty()); }
    }
    public record Example(String name, Map<String, Object> context, List<Map<String, String>> findings, List<String> expect) {}
    record Raw(RawCategory secret, RawCategory impersonation, RawCategory phishing, RawCategory scam,
               List<RawRevocation> revocation, String defaultRevocation, RawChannel channel, RawTwitter twitter,
               List<Example> examples) {}

    private final Map<Category, CategoryRule> categories;
    private final List<Revocation> revocations;
    private final String defaultRevocation;
    private final boolean channelDeletesSecrets;
    private final TwitterRule twitter;
    private final List<Example> examples;

    private PolicyRules(Map<Category, CategoryRule> categories, List<Revocation> revocations, String defaultRevocation,
                        boolean channelDeletesSecrets, TwitterRule twitter, List<Example> examples) {
        this.categories = categories;
        this.revocations = revocations;
        this.defaultRevocation = defaultRevocation;
        this.channelDeletesSecrets = channelDeletesSecrets;
        this.twitter = twitter;
        this.examples = examples;
    }

    public static PolicyRules load(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": policy file not found");
        Raw raw = YamlFiles.value(YAML, file, Raw.class);
        if (raw == null) throw new ConfigException(file + ": empty policy file");
        Map<Category, CategoryRule> cats = new java.util.EnumMap<>(Category.class);
        cats.put(Category.SECRET, category(file, "secret", raw.secret()));
        cats.put(Category.IMPERSONATION, category(file, "impersonation", raw.impersonation()));
        cats.put(Category.PHISHING, category(file, "phishing", raw.phishing()));
        cats.put(Category.SCAM, category(file, "scam", raw.scam()));
        List<Revocation> revs = new java.util.ArrayList<>();
        List<RawRevocation> rawRevs = raw.revocation() == null ? List.of() : raw.revocation();
        for (int i = 0; i < rawRevs.size(); i++) {
            RawRevocation r = rawRevs.get(i);
            String field = "revocation[" + i + "]";
            if (r.kind() == null || r.kind().isBlank()) throw new ConfigException(file + ": " + field + ".kind is required");
            try {
                revs.add(new Revocation(r.kind(), Pattern.compile(r.rules() == null ? "" : r.rules())));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(file + ": " + field + ".rules is not a valid pattern: " + e.getDescription());
            }
        }
        return new PolicyRules(cats, List.copyOf(revs),
                raw.defaultRevocation() == null ? "generic" : raw.defaultRevocation(),
                raw.channel() == null || raw.channel().deleteSecrets() == null || raw.channel().deleteSecrets(),
                twitter(file, raw.twitter()),
                raw.examples() == null ? List.of() : List.copyOf(raw.examples()));
    }

    private static TwitterRule twitter(Path file, RawTwitter t) {
        if (t == null) t = new RawTwitter(null, null, null, null, null);
        return new TwitterRule(t.replyToLeaks() == null || t.replyToLeaks(),
                perCategory(file, "hide_reply_at", t.hideReplyAt()), perCategory(file, "block_at", t.blockAt()),
                perCategory(file, "mute_at", t.muteAt()), threshold(file, "twitter", "dm_owner_at", t.dmOwnerAt()));
    }

    private static Map<Category, Optional<Severity>> perCategory(Path file, String field, Map<String, String> raw) {
        Map<Category, Optional<Severity>> out = new java.util.EnumMap<>(Category.class);
        if (raw == null) return out;
        for (var e : raw.entrySet()) {
            Category c;
            try {
                c = Category.fromWire(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file + ": twitter." + field + ": '" + e.getKey()
                        + "' is not one of secret, impersonation, phishing, scam");
            }
            out.put(c, threshold(file, "twitter", field + "." + e.getKey(), e.getValue()));
        }
        return out;
    }

    private static CategoryRule category(Path file, String name, RawCategory r) {
        if (r == null) throw new ConfigException(file + ": section '" + name + "' is required");
        return new CategoryRule(threshold(file, name, "delete_at", r.deleteAt()),
                threshold(file, name, "warn_group_at", r.warnGroupAt()),
                threshold(file, name, "dm_owner_at", r.dmOwnerAt()),
                threshold(file, name, "alert_at", r.alertAt() == null ? "low" : r.alertAt()),
                threshold(file, name, "urgent_at", r.urgentAt() == null ? "critical" : r.urgentAt()),
                threshold(file, name, "restrict_at", r.restrictAt()),
                duration(file, name + ".restrict_for", r.restrictFor()),
                threshold(file, name, "ban_at", r.banAt()));
    }

    private static Optional<Severity> threshold(Path file, String section, String field, String value) {
        if (value == null || value.equalsIgnoreCase("never")) return Optional.empty();
        try {
            return Optional.of(Severity.fromWire(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + section + "." + field + ": '" + value
                    + "' is not one of low, medium, high, critical, never");
        }
    }

    /** "10m", "2h", "7d"; null or "never" = until lifted. */
    public static Duration duration(Path file, String field, String value) {
        if (value == null || value.equalsIgnoreCase("never")) return null;
        Optional<Duration> d = parseDuration(value);
        if (d.isEmpty()) throw new ConfigException(file + ": " + field + ": '" + value + "' is not a duration like 10m, 2h, 7d");
        return d.get();
    }

    public static Optional<Duration> parseDuration(String value) {
        var m = Pattern.compile("(\\d{1,6})([smhdw])").matcher(value.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        });
    }

    public CategoryRule rule(Category c) { return categories.get(c); }

    /** The kind of secret a detector rule id names ("seed_phrase", "api_key", …). */
    public String revocationKind(String ruleId) {
        for (Revocation r : revocations) if (r.rules().matcher(ruleId).find()) return r.kind();
        return defaultRevocation;
    }

    public List<Revocation> revocations() { return revocations; }

    public boolean channelDeletesSecrets() { return channelDeletesSecrets; }

    public boolean twitterRepliesToLeaks() { return twitter.replyToLeaks(); }

    public TwitterRule twitter() { return twitter; }

    public List<Example> examples() { return examples; }
}
