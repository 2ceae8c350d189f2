package io.tidewatch.bench;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.detect.BrandDetectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of the brand detectors (lookalike links and scam bait; names are NameCheckBenchmark's) on one
 * message of the shared mixed zh/en chat corpus, with a link or a handle in about one message in five.
 * Run: {@code bash .ci/jmh BrandDetectorsBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BrandDetectorsBench {
    private static final String[] LINKS = {" see https://www.example.com/help", " new site examp1e.com/login",
            " ask @ExEx_Support_Desk", " claim at example-airdrop.xyz", " chart on tradingview.com"};

    private Detector links;
    private Detector scam;
    private Post[] posts;
    private int next;

    @Setup
    public void setUp() {
        Path rules = Path.of("rules");
        BrandProfile brand = BrandProfileReader.read(rules.resolve("brand.yaml"));
        List<Detector> detectors = BrandDetectors.load(rules, brand);
        links = detectors.get(1);
        scam = detectors.get(2);
        List<String> corpus = MixedChatCorpus.generate(4096, 20261128L);
        List<Post> out = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String text = i % 5 == 0 ? corpus.get(i) + LINKS[(i / 5) % LINKS.length] : corpus.get(i);
            out.add(Post.ofText("m" + i, text));
        }
        posts = out.toArray(Post[]::new);
    }

    @Benchmark
    public List<Finding> linksOneMessage() {
        return links.inspect(posts[next++ & (posts.length - 1)]);
    }

    @Benchmark
    public List<Finding> scamOneMessage() {
        return scam.inspect(posts[next++ & (posts.length - 1)]);
    }
}
