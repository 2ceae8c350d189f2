package io.tidewatch.bench;

import io.tidewatch.detect.secrets.Fingerprinter;
import io.tidewatch.detect.secrets.RuleSet;
import io.tidewatch.detect.secrets.SecretScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Secret-scan throughput on one thread over the shared mixed chat corpus (score = messages/s),
 * for the first 10 and 100 rules and the full set: rules/secrets.toml plus the stock gitleaks.toml.
 * Run: {@code bash .ci/jmh SecretScan -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SecretScanBenchmark {
    static final int MESSAGES = 10_000;

    @Param({"10", "100", "full"})
    public String rules;

    private SecretScanner scanner;
    private List<String> corpus;

    @Setup
    public void setUp() {
        Path gitleaks = Path.of("../shared/data/gitleaks.toml");
        if (!Files.isRegularFile(gitleaks)) gitleaks = Path.of("/work/shared/data/gitleaks.toml");
        RuleSet full = RuleSet.load(List.of(Path.of("rules/secrets.toml"), gitleaks));
        RuleSet set = rules.equals("full") ? full : full.limit(Integer.parseInt(rules));
        scanner = new SecretScanner(set, new Fingerprinter("benchmark-salt-0123456789".getBytes()));
        corpus = MixedChatCorpus.generate(MESSAGES, 20261126L);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int scanCorpus() {
        int findings = 0;
        for (String m : corpus) findings += scanner.scan(m).size();
        return findings;
    }
}
