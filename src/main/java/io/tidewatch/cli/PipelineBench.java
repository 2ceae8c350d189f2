package io.tidewatch.cli;

import com.google.re2j.Pattern;
import io.tidewatch.bench.CorpusFiles;
import io.tidewatch.bench.MixedChatCorpus;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.cli.input.PostReader;
import io.tidewatch.cli.report.ScanReport;
import io.tidewatch.cli.report.ScanResult;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code bench --pipeline}: the whole {@code scan} path (JSONL reader, every detector, JSONL writer)
 * over the generated community mix, next to a bare-regex baseline measured in the same run: one
 * RE2/J pattern over the same texts on one thread. The machine is shared and noisy; the ratio of
 * the two moves far less than either number.
 */
final class PipelineBench {
    private static final long SEED = 20261126L;
    /** The baseline: what touching every text with a single regex costs. */
    private static final Pattern BARE = Pattern.compile("(?i)password|passwd|密码|seed|助记词|private key|私钥|api[ _-]?key|https?://");

    private final Supplier<Detector> detectors;
    private final int threads;
    private final int rounds;
    private final PrintWriter out;
    private long bareHits;

    /** @param detectors a fresh detector set per round, so each round starts with cold name verdicts, as a scan does */
    PipelineBench(Supplier<Detector> detectors, int threads, int rounds, PrintWriter out) {
        this.detectors = detectors;
        this.threads = threads;
        this.rounds = rounds;
        this.out = out;
    }

    void run(int messages) throws InterruptedException {
        int small = Math.max(1, messages / 10);
        byte[] large = jsonl(messages), tenth = jsonl(small);
        List<String> texts = MixedChatCorpus.posts(messages, SEED).map(Post::text).toList();
        out.printf("corpus: %,d and %,d generated community posts (%,d bytes of JSONL), %d threads, best of %d rounds after a warm-up%n",
                messages, small, large.length, threads, rounds);
        out.flush();

        bare(texts); // warm-up
        scan(tenth);
        scan(large);
        double baseline = 0, baselineCpu = 0, best = 0, bestSmall = 0, bestCpu = 0;
        long findings = 0;
        for (int r = 0; r < rounds; r++) {
            Run b = bare(texts);
            baseline = Math.max(baseline, b.postsPerSecond(texts.size()));
            baselineCpu = Math.max(baselineCpu, texts.size() / b.cpuSeconds());
            bestSmall = Math.max(bestSmall, scan(tenth).postsPerSecond(small));
            Run big = scan(large);
            best = Math.max(best, big.postsPerSecond(messages));
            bestCpu = Math.max(bestCpu, messages / big.cpuSeconds());
            findings = big.flagged();
        }
        // the marginal rate: what another post costs once start-up and warm-up are paid
        double marginal = (messages - small) / (messages / best - small / bestSmall);
        out.printf("bare regex (1 pattern, 1 thread):   %,10.0f posts/s (%,.0f per CPU-second), %d posts matched%n",
                baseline, baselineCpu, bareHits);
        out.printf("scan pipeline (%d threads):          %,10.0f posts/s (%,.0f per CPU-second), %d posts with findings%n",
                threads, best, bestCpu, findings);
        out.printf("scan pipeline, marginal (%,d - %,d): %,10.0f posts/s%n", messages, small, marginal);
        out.printf("ratio scan / bare regex:             %10.3f (marginal %.3f; per CPU-second %.3f)%n",
                best / baseline, marginal / baseline, bestCpu / baselineCpu);
        out.flush();
    }

    private static byte[] jsonl(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CorpusFiles.writeJsonl(MixedChatCorpus.posts(n, SEED), bytes);
        return bytes.toByteArray();
    }

    /** The bare pattern over every text, on this thread; {@link #bareHits} keeps the matching from being optimized away. */
    private Run bare(List<String> texts) {
        var mx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
        long hits = 0;
        for (String t : texts) if (BARE.matcher(t).find()) hits++;
        bareHits = hits;
        return new Run((System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9, hits);
    }

    /** One timed pass: wall and CPU seconds, and how many posts had findings (matched, for the baseline). */
    private record Run(double seconds, double cpuSeconds, long flagged) {
        double postsPerSecond(int posts) { return posts / seconds; }
    }

    private Run scan(byte[] jsonl) throws InterruptedException {
        Detector detector = detectors.get();
        ScanReport report = ScanReport.of("jsonl", new PrintWriter(Writer.nullWriter()));
        long[] flagged = {0};
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        try (ScanPipeline pipeline = new ScanPipeline(detector, threads);
             var source = PostReader.open("bench", new ByteArrayInputStream(jsonl), jsonl.length)) {
            pipeline.run(source, new ScanPipeline.Sink() {
                @Override
                public void result(ScanResult r) {
                    if (!r.findings().isEmpty()) flagged[0]++;
                    report.result(r);
                }

                @Override
                public void problem(InputProblem p) { throw new IllegalStateException("generated corpus unreadable: " + p); }
            });
            report.finish();
        }
        return new Run((System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9, flagged[0]);
    }
}
