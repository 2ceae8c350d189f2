package io.tidewatch.detect;

import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.properties.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every detector of the shipped rules ({@code Detectors.standard(rules/…)}, plus the stock gitleaks
 * rules when {@code ../shared} has them) over {@link HostileText}: never an exception, every span
 * inside the text, and each message finishes (a 10 s hang guard per message, not a performance bound).
 * A failure names the seed; rerun with {@code -Dtidewatch.seed=N} (and {@code -Dtidewatch.cases=N}).
 */
class DetectorPropertiesTest {
    static final Detector DETECTOR = Detectors.standard(Path.of("rules"), BrandProfileReader.read(Path.of("rules/brand.yaml")),
            gitleaksIfPresent());
    static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "detector-properties");
        t.setDaemon(true);
        return t;
    });

    static List<Path> gitleaksIfPresent() {
        for (Path p : List.of(Path.of("../shared/data/gitleaks.toml"), Path.of("/work/shared/data/gitleaks.toml"))) {
            if (Files.isRegularFile(p)) return List.of(p);
        }
        return List.of();
    }

    @AfterAll
    static void stop() { RUNNER.shutdownNow(); }

    @Test
    void any_post_is_inspected_without_exception_and_every_span_is_inside_the_text() {
        long seed = HostileText.seed();
        HostileText gen = new HostileText(seed);
        List<PostKind> kinds = List.of(PostKind.values());
        for (int i = 0, n = HostileText.cases(400); i < n; i++) {
            Author author = new Author(gen.pick(List.of("42", "5000000001", "5000000101", "", "-1001234567890",
                    String.valueOf(gen.random().nextLong()))), gen.name(), gen.name());
            List<String> links = new ArrayList<>();
            for (int k = gen.random().nextInt(3); k > 0; k--) links.add(gen.pick(List.of("https://", "", "www.")) + gen.soup());
            Post post = new Post("m" + i, gen.pick(List.of(Platform.values())), gen.pick(kinds), "-100", Instant.EPOCH, author,
                    gen.message(), links, gen.pick(java.util.Arrays.asList("zh", "en", "xx", "", null)));
            check(post, "seed " + seed + ", case " + i);
        }
    }

    @Test
    void long_runs_of_one_character_or_pair_finish() {
        long seed = HostileText.seed();
        HostileText gen = new HostileText(seed);
        for (int i = 0, n = HostileText.cases(60); i < n; i++) {
            Post post = new Post("r" + i, gen.pick(List.of(Platform.TELEGRAM, Platform.TWITTER)), PostKind.GROUP, "-100",
                    Instant.EPOCH, new Author("42", "alice", "Alice"), gen.run());
            check(post, "seed " + seed + ", case " + i);
        }
    }

    private static void check(Post post, String where) {
        Future<List<Finding>> result = RUNNER.submit(() -> DETECTOR.inspect(post));
        List<Finding> findings;
        try {
            findings = result.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError(where + ": no verdict within 10 s for " + HostileText.describe(post.text()));
        } catch (ExecutionException e) {
            throw new AssertionError(where + ": " + e.getCause() + " for text " + HostileText.describe(post.text())
                    + ", name " + HostileText.describe(post.author().name()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(where + ": interrupted");
        }
        int n = post.text().length();
        for (Finding f : findings) {
            if (!(0 <= f.start() && f.start() <= f.end() && f.end() <= n)) {
                fail(where + ": " + f.rule() + " span [" + f.start() + ", " + f.end() + ") outside " + HostileText.describe(post.text()));
            }
        }
    }
}
