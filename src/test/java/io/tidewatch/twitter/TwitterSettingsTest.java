package io.tidewatch.twitter;

import io.tidewatch.core.ConfigException;
import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** rules/twitter.yaml: its own examples hold against the counted budget, and a bad file says where and what. */
class TwitterSettingsTest {
    static final Path FILE = Path.of("rules/twitter.yaml");

    @TestFactory
    Stream<DynamicTest> every_example_in_twitter_yaml_holds() {
        TwitterSettings settings = TwitterSettings.load(FILE);
        assertFalse(settings.examples().isEmpty());
        return settings.examples().stream().map(ex -> DynamicTest.dynamicTest(ex.tier() + " " + ex.used() + " " + ex.purpose(), () -> {
            try (Database db = TestDatabases.h2()) {
                Clock clock = Clock.fixed(Instant.parse("2026-12-15T12:00:00Z"), ZoneOffset.UTC);
                CountedPostBudget budget = new CountedPostBudget(db, settings.onTier(ex.tier()), clock);
                for (int i = 0; i < ex.used(); i++) assertTrue(budget.tryTake(PostBudget.Kind.TWEET, PostBudget.Purpose.LEAK_WARNING));
                assertEquals(ex.sent(), budget.tryTake(PostBudget.Kind.TWEET, TwitterSettings.purpose(FILE, "purpose", ex.purpose())));
            }
        }));
    }

    @Test
    void the_count_is_per_calendar_month_and_a_post_given_back_is_counted_no_more() {
        try (Database db = TestDatabases.h2()) {
            TestClock clock = new TestClock(Instant.parse("2026-12-31T23:59:00Z"));
            CountedPostBudget budget = new CountedPostBudget(db, TwitterSettings.load(FILE), clock);
            assertTrue(budget.tryTake(PostBudget.Kind.TWEET, PostBudget.Purpose.SUPPORT));
            assertTrue(budget.tryTake(PostBudget.Kind.TWEET, PostBudget.Purpose.SUPPORT));
            budget.giveBack(PostBudget.Kind.TWEET);
            assertEquals(1, budget.used(PostBudget.Kind.TWEET));
            clock.advance(java.time.Duration.ofMinutes(2));
            assertEquals(0, budget.used(PostBudget.Kind.TWEET), "a new month");
        }
    }

    @Test
    void a_bad_file_names_the_file_and_the_field_and_what_to_do(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("twitter.yaml");
        Files.writeString(f, "tier: gold\ntiers:\n  basic: {posts_per_month: 3000, dms_per_day: 1}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TwitterSettings.load(f));
        assertTrue(e.getMessage().contains("twitter.yaml") && e.getMessage().contains("tier: 'gold'"), e.getMessage());

        Files.writeString(f, "tier: basic\ntiers:\n  basic: {posts_per_month: 3000, dms_per_day: 1}\nkeep_back: {support: lots}\n");
        e = assertThrows(ConfigException.class, () -> TwitterSettings.load(f));
        assertTrue(e.getMessage().contains("keep_back.support") && e.getMessage().contains("20%"), e.getMessage());

        Files.writeString(f, "tier: basic\ntiers:\n  basic: {posts_per_month: 3000}\n");
        e = assertThrows(ConfigException.class, () -> TwitterSettings.load(f));
        assertTrue(e.getMessage().contains("tiers.basic") && e.getMessage().contains("dms_per_day"), e.getMessage());

        Files.writeString(f, "tier: basic\ntiers:\n  basic: {posts_per_month: 3000, dms_per_day: 1}\nposts: 5\n");
        e = assertThrows(ConfigException.class, () -> TwitterSettings.load(f));
        assertTrue(e.getMessage().matches("(?s).*twitter\\.yaml:\\d+: .*\"posts\".*"), e.getMessage());
    }
}
