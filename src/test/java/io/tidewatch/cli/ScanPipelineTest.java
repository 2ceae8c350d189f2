package io.tidewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidewatch.bench.CorpusFiles;
import io.tidewatch.bench.MixedChatCorpus;
import io.tidewatch.cli.input.EntrySource;
import io.tidewatch.cli.input.InputEntry;
import io.tidewatch.cli.input.InputPost;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.cli.input.PostReader;
import io.tidewatch.cli.input.RawEntry;
import io.tidewatch.cli.report.ScanResult;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.detect.Detectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parallel scan path against the plain one: every post handed on exactly once, in input order,
 * with the findings a single thread inspecting one post after another gets, for any number of threads.
 */
class ScanPipelineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Detector detector;

    @BeforeAll
    static void standardDetectors() {
        detector = Detectors.standard(Path.of("rules"), BrandProfileReader.read(Path.of("rules/brand.yaml")), List.of());
    }

    /** What the pipeline handed on: results and problems, in the order they came. */
    record Outcome(String id, List<Finding> findings, InputProblem problem) {}

    static List<Outcome> pipeline(Detector d, int threads, EntrySource source) throws InterruptedException {
        List<Outcome> out = new ArrayList<>();
        try (ScanPipeline p = new ScanPipeline(d, threads); source) {
            p.run(source, new ScanPipeline.Sink() {
                @Override public void result(ScanResult r) { out.add(new Outcome(r.input().post().id(), r.findings(), null)); }

                @Override public void problem(InputProblem problem) { out.add(new Outcome(null, null, problem)); }
            });
        }
        return out;
    }

    /** The plain path: read, parse and inspect one entry after another on this thread. */
    static List<Outcome> oneByOne(Detector d, EntrySource source) {
        List<Outcome> out = new ArrayList<>();
        try (source) {
            for (RawEntry raw = source.next(); raw != null; raw = source.next()) {
                InputEntry e = raw.parse();
                if (e instanceof InputPost p) out.add(new Outcome(p.post().id(), d.inspect(p.post()), null));
                else if (e instanceof InputProblem q) out.add(new Outcome(null, null, q));
            }
        }
        return out;
    }

    static EntrySource source(byte[] content) {
        return PostReader.open("test", new ByteArrayInputStream(content), content.length);
    }

    static EntrySource file(String path) { return new PostReader(new ByteArrayInputStream(new byte[0])).open(path); }

    /** The labeled chat set as posts: each line's text under an id of its own, every other one by an impostor. */
    static byte[] labeledSetAsPosts() throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/secrets/labeled-chat.jsonl"))) {
            if (line.isBlank()) continue;
            n++;
            ObjectNode post = JSON.createObjectNode().put("id", "l" + n).put("platform", "telegram").put("kind", "group")
                    .put("text", JSON.readTree(line).get("text").asText());
            post.putObject("author").put("id", Integer.toString(7000 + n % 13)).put("username", n % 2 == 0 ? "exex_support" : "member" + n % 13)
                    .put("name", n % 2 == 0 ? "ExEx Suppοrt" : "Member");
            sb.append(JSON.writeValueAsString(post)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] generated(int posts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CorpusFiles.writeJsonl(MixedChatCorpus.posts(posts, 7L), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void the_labeled_set_gets_the_findings_of_the_one_by_one_path(int threads) throws Exception {
        byte[] labeled = labeledSetAsPosts();
        List<Outcome> expected = oneByOne(detector, source(labeled));
        assertTrue(expected.stream().anyMatch(o -> o.findings() != null && !o.findings().isEmpty()), "the set has findings to compare");
        assertEquals(expected, pipeline(detector, threads, source(labeled)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void the_samples_get_the_findings_of_the_one_by_one_path(int threads) throws Exception {
        for (String sample : List.of("rules/samples/history.jsonl", "src/test/resources/samples/result.json", "src/test/resources/samples/tweets.js")) {
            List<Outcome> expected = oneByOne(detector, file(sample));
            assertTrue(expected.size() >= 3, sample);
            assertEquals(expected, pipeline(detector, threads, file(sample)), sample);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void every_post_is_handed_on_once_in_input_order_even_when_workers_finish_out_of_order(int threads) throws Exception {
        int posts = ScanPipeline.CHUNK_ENTRIES * 12 + 17;
        byte[] corpus = generated(posts);
        Detector jittery = post -> {
            // uneven work, so later chunks often finish before earlier ones
            if (ThreadLocalRandom.current().nextInt(50) == 0) LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(2_000_000));
            return detector.inspect(post);
        };
        List<Outcome> got = pipeline(jittery, threads, source(corpus));
        assertEquals(posts, got.size());
        for (int i = 0; i < posts; i++) assertEquals("m" + (i + 1), got.get(i).id());
        assertEquals(oneByOne(detector, source(corpus)), got);
        Set<String> categories = new HashSet<>();
        got.forEach(o -> o.findings().forEach(f -> categories.add(f.category().wireName())));
        assertEquals(Set.of("secret", "impersonation", "phishing", "scam"), categories, "the generated mix exercises every detector");
    }

    @Test
    void malformed_lines_are_problems_in_their_place_with_their_line_numbers() throws Exception {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            if (i % 97 == 0) {
                sb.append("{not json\n");
                expected.add("test:" + i + ": not valid JSON (column 2) (skipped)");
            } else if (i % 101 == 0) {
                sb.append("{\"text\":\"no id\"}\r\n");
                expected.add("test:" + i + ": field 'id' is required (skipped)");
            } else if (i % 103 == 0) {
                sb.append("   \n");
            } else {
                sb.append("{\"id\":\"p").append(i).append("\",\"text\":\"gm ").append(i).append("\"}\r\n");
                expected.add("p" + i);
            }
        }
        List<Outcome> got = pipeline(detector, 4, source(sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, got.stream().map(o -> o.problem() != null ? o.problem().toString() : o.id()).toList());
    }

    @Test
    void an_input_that_breaks_off_hands_on_what_came_before_then_fails_with_the_line() throws Exception {
        String export = Files.readString(Path.of("src/test/resources/samples/result.json"));
        String broken = export.substring(0, export.lastIndexOf("\"id\"")) + "\"id\": ,,, }]}";
        List<Outcome> before = new ArrayList<>();
        EntrySource source = source(broken.getBytes(StandardCharsets.UTF_8));
        try (ScanPipeline p = new ScanPipeline(detector, 4); source) {
            ConfigException e = assertThrows(ConfigException.class, () -> p.run(source, new ScanPipeline.Sink() {
                @Override public void result(ScanResult r) { before.add(new Outcome(r.input().post().id(), r.findings(), null)); }

                @Override public void problem(InputProblem problem) { before.add(new Outcome(null, null, problem)); }
            }));
            long line = broken.lines().count();
            assertTrue(e.getMessage().startsWith("test:" + line + ": not a valid Telegram export"), e.getMessage());
        }
        List<Outcome> all = oneByOne(detector, file("src/test/resources/samples/result.json"));
        assertEquals(all.subList(0, all.size() - 1), before, "every message before the broken one, in order");
    }

    @Test
    void a_failing_detector_fails_the_scan_with_its_exception() {
        byte[] corpus = generated(3000);
        Detector failing = post -> {
            if (post.id().equals("m2500")) throw new IllegalStateException("detector broke on m2500");
            return List.of();
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pipeline(failing, 4, source(corpus)));
        assertEquals("detector broke on m2500", e.getMessage());
    }

    @Test
    void a_line_longer_than_the_limit_is_a_problem_and_the_next_line_is_read() throws Exception {
        byte[] huge = new byte[PostReader.MAX_LINE + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("{\"id\":\"a\",\"text\":\"gm\"}\n".getBytes(StandardCharsets.UTF_8));
        content.write(huge);
        content.write("\n{\"id\":\"b\",\"text\":\"gm\"}\n".getBytes(StandardCharsets.UTF_8));
        List<Outcome> got = pipeline(detector, 2, source(content.toByteArray()));
        assertEquals(3, got.size());
        assertEquals("a", got.get(0).id());
        assertTrue(got.get(1).problem().toString().startsWith("test:2: line longer than"), got.get(1).toString());
        assertEquals("b", got.get(2).id());
    }
}
