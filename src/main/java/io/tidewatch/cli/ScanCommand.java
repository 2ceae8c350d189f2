package io.tidewatch.cli;

import io.tidewatch.cli.input.InputPost;
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

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scan}: runs the standard detectors over post JSONL, Telegram exports, Twitter archives
 * or standard input and reports findings. Exit 0 nothing found, 1 findings, 2 error.
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

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files to scan; - reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Spec CommandSpec spec;

    private final InputStream stdin;

    public ScanCommand() { this(System.in); }

    ScanCommand(InputStream stdin) { this.stdin = stdin; }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanReport report = ScanReport.of(format, out);
        Detector detector = Detectors.standard(rules.rulesDir(), rules.brand(), rules.extraSecrets());
        PostReader reader = new PostReader(stdin);
        List<InputProblem> problems = new ArrayList<>();
        boolean found = false;
        for (String input : inputs) {
            List<InputPost> posts = reader.read(input, p -> {
                problems.add(p);
                err.println("warning: " + p);
                err.flush();
            });
            ProgressBar bar = ProgressBar.start(err, input, posts.size(), showProgress(posts.size()));
            for (InputPost p : posts) {
                ScanResult r = new ScanResult(p, detector.inspect(p.post()));
                found |= !r.findings().isEmpty();
                report.result(r);
                bar.step();
            }
            bar.done();
        }
        report.finish(problems);
        out.flush();
        return found ? 1 : 0;
    }

    private boolean showProgress(int total) {
        if (total < PROGRESS_THRESHOLD) return false;
        return switch (progress) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null;
        };
    }
}
