package io.tidewatch.cli;

import io.tidewatch.bench.CorpusFiles;
import io.tidewatch.bench.MixedChatCorpus;
import io.tidewatch.detect.Detectors;
import io.tidewatch.detect.secrets.Fingerprinter;
import io.tidewatch.detect.secrets.RuleSet;
import io.tidewatch.detect.secrets.SecretScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench}: secret-scan throughput on one thread over a generated mixed chat corpus, for
 * the first 10 and 100 rules and the full set ({@code rules/secrets.toml} plus {@code --secrets}
 * files), so the cost-versus-rule-count curve is visible; with {@code --pipeline}, the whole scan
 * path against a bare-regex baseline ({@link PipelineBench}); with {@code --write}, the generated
 * community posts as a file, to time {@code scan} itself.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure secret-scan throughput (messages/s, one thread) over a generated mixed zh/en chat corpus, or with --pipeline the whole scan path.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin RulesOptions rules;

    @Option(names = "--messages", defaultValue = "200000", description = "Corpus size (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--pipeline",
            description = "Measure the whole scan path (reader, every detector, writer) on generated community posts, next to a bare-regex baseline.")
    boolean pipeline;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for --pipeline (default: the number of processors, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the generated community posts (--messages of them) to FILE as --as says, and measure nothing: inputs for timing scan itself.")
    Path write;

    @Option(names = "--as", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Format for --write: jsonl (post JSONL) or telegram (a Telegram Desktop result.json). Default: ${DEFAULT-VALUE}.")
    String writeAs;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (write != null) return writeCorpus(out);
        if (pipeline) {
            var brand = rules.brand();
            new PipelineBench(() -> Detectors.standard(rules.rulesDir(), brand, rules.extraSecrets()), threads, rounds, out).run(messages);
            return 0;
        }
        List<Path> files = new ArrayList<>();
        files.add(rules.rulesDir().resolve("secrets.toml"));
        files.addAll(rules.extraSecrets());
        RuleSet full = RuleSet.load(files);
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Fingerprinter fp = new Fingerprinter(salt);
        List<String> corpus = MixedChatCorpus.generate(messages, 20261126L);
        long chars = corpus.stream().mapToLong(String::length).sum();
        out.printf("corpus: %d messages, %.1f chars/message; %d rules loaded%n", corpus.size(), (double) chars / corpus.size(), full.size());
        for (int n : new int[]{10, 100, full.size()}) {
            if (n > full.size()) continue;
            RuleSet set = n == full.size() ? full : full.limit(n);
            SecretScanner scanner = new SecretScanner(set, fp);
            run(scanner, corpus); // warm-up
            double best = 0, bestCpu = 0;
            long findings = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                findings = run(scanner, corpus);
                best = Math.max(best, corpus.size() / ((System.nanoTime() - t0) / 1e9));
                bestCpu = Math.max(bestCpu, corpus.size() / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
            }
            // CPU time is what one core costs; wall time also counts time other processes took the core
            out.printf("%4d rules: %,10.0f messages/s per CPU-second, %,10.0f messages/s wall (best of %d rounds, 1 thread), %d findings%n",
                    set.size(), bestCpu, best, rounds, findings);
        }
        out.flush();
        return 0;
    }

    private int writeCorpus(PrintWriter out) throws java.io.IOException {
        var posts = MixedChatCorpus.posts(messages, 20261126L);
        long n;
        try (var file = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(write), 1 << 16)) {
            n = switch (writeAs) {
                case "jsonl" -> CorpusFiles.writeJsonl(posts, file);
                case "telegram" -> CorpusFiles.writeTelegramExport(posts, file);
                default -> throw new IllegalArgumentException("unknown --as '" + writeAs + "' (jsonl or telegram)");
            };
        }
        out.printf("wrote %d posts to %s (%,d bytes)%n", n, write, java.nio.file.Files.size(write));
        out.flush();
        return 0;
    }

    private static long run(SecretScanner scanner, List<String> corpus) {
        long findings = 0;
        for (String m : corpus) findings += scanner.scan(m).size();
        return findings;
    }
}
