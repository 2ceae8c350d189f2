package io.tidewatch.detect;

import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.detect.secrets.Redactor;
import io.tidewatch.detect.secrets.SecretScanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every detector over a post and concatenates their findings, ordered by position. It is the
 * one place that sees all findings of a post, so it hides every secret of the post in every excerpt
 * and reason, whatever detector wrote them: a scam pattern matching inside a key, or quoting "pm me
 * my password is …", must not carry the secret into scan output, alerts, the database or logs.
 */
public final class CompositeDetector implements Detector {
    private final List<Detector> detectors;

    public CompositeDetector(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    @Override
    public List<Finding> inspect(Post post) {
        List<Finding> all = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (Detector d : detectors) {
            if (d instanceof SecretScanner scanner) {
                // the scanner knows each secret exactly (a composite's span also covers its labels)
                SecretScanner.Scan scan = scanner.scanDetailed(post.text());
                all.addAll(scan.findings());
                secrets.addAll(scan.secretTexts());
            } else {
                for (Finding f : d.inspect(post)) {
                    all.add(f);
                    if (f.category() == Category.SECRET) secrets.add(spanText(post.text(), f));
                }
            }
        }
        if (!secrets.isEmpty()) {
            Redactor.SecretWindows windows = Redactor.SecretWindows.of(secrets);
            all.replaceAll(f -> new Finding(f.category(), f.rule(), f.severity(), f.start(), f.end(),
                    windows.mask(f.excerpt()), windows.mask(f.reason()), f.fingerprint()));
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        return all;
    }

    private static String spanText(String text, Finding f) {
        int from = Math.max(0, Math.min(f.start(), text.length())), to = Math.max(from, Math.min(f.end(), text.length()));
        return text.substring(from, to);
    }
}
