package io.tidewatch.twitter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;
import io.tidewatch.policy.PolicyRules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rules/twitter.yaml}, validated: the API tier of the official account's app and what it
 * allows (posts a month, DMs a day), how much of the cap is kept back for the more important posts
 * when it runs low, and how far back the first start reads.
 */
public record TwitterSettings(String tier, Map<String, Tier> tiers, Map<PostBudget.Purpose, Double> keepBack,
                              Duration firstStartLookback, List<Example> examples) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** What one API tier allows. */
    public record Tier(int postsPerMonth, int dmsPerDay) {}

    /** A case the settings test runs: with {@code used} posts this month, is a post for {@code purpose} sent? */
    public record Example(String tier, int used, String purpose, boolean sent) {}

    record RawTier(Integer postsPerMonth, Integer dmsPerDay) {}

    record Raw(String tier, Map<String, RawTier> tiers, Map<String, String> keepBack, String firstStartLookback,
               List<Example> examples) {}

    public TwitterSettings {
        tiers = Map.copyOf(tiers);
        if (!tiers.containsKey(tier)) throw new IllegalArgumentException("unknown tier " + tier);
        keepBack = Map.copyOf(keepBack);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** Unlimited posts, nothing kept back: for tests and tools that post nothing. */
    public static TwitterSettings unlimited() {
        return new TwitterSettings("unlimited", Map.of("unlimited", new Tier(Integer.MAX_VALUE, Integer.MAX_VALUE)), Map.of(),
                Duration.ofHours(1), List.of());
    }

    /** Loads {@code DIR/twitter.yaml}; errors name the file, line and field. */
    public static TwitterSettings load(Path file) {
        Raw raw = YamlFiles.value(YAML, file, Raw.class);
        if (raw == null) throw new ConfigException(file + ": empty file; it needs at least 'tier' and 'tiers'");
        Map<String, Tier> tiers = tiers(file, raw.tiers());
        if (raw.tier() == null || !tiers.containsKey(raw.tier().trim())) {
            throw new ConfigException(file + ": tier: '" + raw.tier() + "' is not one of the tiers listed (" + String.join(", ", tiers.keySet()) + ")");
        }
        Map<PostBudget.Purpose, Double> keepBack = new EnumMap<>(PostBudget.Purpose.class);
        if (raw.keepBack() != null) {
            for (var e : raw.keepBack().entrySet()) {
                PostBudget.Purpose p = purpose(file, "keep_back." + e.getKey(), e.getKey());
                if (p == PostBudget.Purpose.LEAK_WARNING) {
                    throw new ConfigException(file + ": keep_back.leak_warning: leak warnings are never held back; remove it");
                }
                keepBack.put(p, share(file, "keep_back." + e.getKey(), e.getValue()));
            }
        }
        Duration lookback = raw.firstStartLookback() == null ? Duration.ofHours(1)
                : PolicyRules.parseDuration(raw.firstStartLookback()).orElseThrow(() -> new ConfigException(file
                + ": first_start_lookback: '" + raw.firstStartLookback() + "' is not a duration like 30m, 1h, 1d"));
        TwitterSettings s = new TwitterSettings(raw.tier().trim(), tiers, keepBack, lookback, raw.examples());
        for (int i = 0; i < s.examples().size(); i++) {
            Example ex = s.examples().get(i);
            if (!tiers.containsKey(ex.tier())) throw new ConfigException(file + ": examples[" + i + "].tier: unknown tier '" + ex.tier() + "'");
            purpose(file, "examples[" + i + "].purpose", ex.purpose());
        }
        return s;
    }

    /** What the chosen tier allows. */
    public Tier limits() { return tiers.get(tier); }

    /** The same settings on another of the tiers listed. */
    public TwitterSettings onTier(String other) {
        return new TwitterSettings(other, tiers, keepBack, firstStartLookback, examples);
    }

    /** How many posts of a cap are kept back from a post for {@code purpose}. */
    public int keptBack(int cap, PostBudget.Purpose purpose) {
        double share = keepBack.getOrDefault(purpose, 0.0);
        return (int) Math.min(cap, Math.ceil(cap * share));
    }

    private static Map<String, Tier> tiers(Path file, Map<String, RawTier> raw) {
        if (raw == null || raw.isEmpty()) throw new ConfigException(file + ": tiers: at least one tier is required");
        Map<String, Tier> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            RawTier t = e.getValue();
            if (t == null || t.postsPerMonth() == null || t.postsPerMonth() < 0 || t.dmsPerDay() == null || t.dmsPerDay() < 0) {
                throw new ConfigException(file + ": tiers." + e.getKey() + ": needs posts_per_month and dms_per_day (numbers, 0 or more)");
            }
            out.put(e.getKey(), new Tier(t.postsPerMonth(), t.dmsPerDay()));
        }
        return out;
    }

    static PostBudget.Purpose purpose(Path file, String field, String value) {
        try {
            return PostBudget.Purpose.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": " + field + ": '" + value + "' is not one of support, announcement, leak_warning");
        }
    }

    private static double share(Path file, String field, String value) {
        String v = value == null ? "" : value.trim();
        try {
            double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).trim()) / 100 : Double.parseDouble(v);
            if (d >= 0 && d <= 1) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(file + ": " + field + ": '" + value + "' is not a share like 20% (0% to 100%)");
    }
}
