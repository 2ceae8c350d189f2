package io.tidewatch.cli;

import io.tidewatch.cli.input.EntrySource;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.cli.input.PostReader;
import io.tidewatch.cli.report.ScanReport;
import io.tidewatch.cli.report.ScanResult;
import io.tidewatch.core.Detector;
import io.tidewatch.detect.Detectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scan}: runs the standard detectors over post JSONL, Telegram exports, Twitter archives
 * or standard input and reports findings. Exit 0 nothing found, 1 findings, 2 error. Inputs are
 * streamed through a {@link ScanPipeline}: read entry by entry, inspected on several threads,
 * written in input order.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan posts (JSONL), a Telegram export (result.json), a Twitter archive (tweets.js) or - (stdin) for leaks, impersonation, phishing and scams.")
public final class ScanCommand implements Callable<Integer> {
    /** Inputs with more posts than this get a progress bar on standard error. */
    static final int PROGRESS_THRESHOLD = 5000;

    @Mixin RulesOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (table and summary), jsonl (one line per post), sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar on stderr for large inputs: auto (when attached to a terminal), always, never.")
    String progress;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads inspecting posts (default: the number of processors, ${DEFAULT-VALUE} here). Output order does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files to scan; - reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Spec CommandSpec spec;

    private final InputStream stdin;

    public ScanCommand() { this(System.in); }

    ScanCommand(InputStream stdin) { this.stdin = stdin; }

    @Override
    public Integer call() throws InterruptedException {
        // the command line's writer flushes on every line: buffer, one flush per chunk of output
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        PrintWriter err = spec.commandLine().getErr();
        ScanReport report = ScanReport.of(format, out);
        Detector detector = Detectors.standard(rules.rulesDir(), rules.brand(), rules.extraSecrets());
        PostReader reader = new PostReader(stdin);
        boolean[] found = {false};
        try (ScanPipeline pipeline = new ScanPipeline(detector, threads)) {
            for (String input : inputs) {
                try (EntrySource source = reader.open(input)) {
                    ProgressBar bar = ProgressBar.start(err, input.equals("-") ? "<stdin>" : input, source.size(),
                            PROGRESS_THRESHOLD, progressWanted());
                    pipeline.run(source, new ScanPipeline.Sink() {
                        @Override
                        public void result(ScanResult r) {
                            found[0] |= !r.findings().isEmpty();
                            report.result(r);
                            bar.step();
                        }

                        @Override
                        public void problem(InputProblem p) {
                            bar.println("warning: " + p);
                            report.problem(p);
                        }

                        @Override
                        public void progress(long position) { bar.at(position); }
                    });
                    bar.done();
                }
            }
            report.finish();
        } finally {
            out.flush(); // what was found before an input broke off is still reported
        }
        return found[0] ? 1 : 0;
    }

    private boolean progressWanted() {
        return switch (progress) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null;
        };
    }
}
