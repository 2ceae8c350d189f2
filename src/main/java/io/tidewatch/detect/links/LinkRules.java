package io.tidewatch.detect.links;

import io.tidewatch.core.ConfigException;
import io.tidewatch.detect.identity.ReasonTemplate;
import io.tidewatch.detect.identity.RuleFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code rules/links.yaml} says: domains never flagged, an optional file of known phishing
 * domains (one per line, '#' comments), the words phishers add to a brand ("-support", "login-"),
 * and the reason texts.
 */
public record LinkRules(Set<String> allowlist, Set<String> blocklist, List<String> addedWords,
                        ReasonTemplate lookalikeReason, ReasonTemplate blockedReason, ReasonTemplate handleReason) {
    public LinkRules {
        allowlist = Set.copyOf(allowlist);
        blocklist = Set.copyOf(blocklist);
        addedWords = List.copyOf(addedWords);
    }

    public static LinkRules load(Path file) {
        RuleFile f = RuleFile.read(file);
        Set<String> allow = new HashSet<>();
        for (String d : f.texts("allowlist", false)) allow.add(domain(f, "allowlist", d));
        Set<String> block = new HashSet<>();
        if (!f.at("blocklist_file").isMissingNode()) {
            Path list = file.resolveSibling(f.text("blocklist_file"));
            block.addAll(readBlocklist(list));
        }
        List<String> words = f.texts("added_words", true);
        return new LinkRules(allow, block, words, reason(f, "reasons.lookalike"), reason(f, "reasons.blocklisted"),
                reason(f, "reasons.handle"));
    }

    private static ReasonTemplate reason(RuleFile f, String path) {
        Map<String, String> m = f.textMap(path);
        if (!m.containsKey("en") || !m.containsKey("zh")) throw f.error(path, "needs both 'en' and 'zh' texts");
        return new ReasonTemplate(m);
    }

    private static String domain(RuleFile f, String field, String d) {
        return HostName.asciiDomain(d).orElseThrow(() -> f.error(field, "'" + d + "' is not a domain name"));
    }

    /** One domain per line; blank lines and '#' comments ignored; a bad line is named. */
    public static Set<String> readBlocklist(Path list) {
        if (!Files.isRegularFile(list)) throw new ConfigException(list + ": blocklist file not found");
        Set<String> out = new HashSet<>();
        try {
            List<String> lines = Files.readAllLines(list);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash).strip();
                if (line.isEmpty()) continue;
                var host = HostName.asciiDomain(line);
                if (host.isEmpty()) throw new ConfigException(list + ":" + (i + 1) + ": '" + line + "' is not a domain");
                out.add(host.get());
            }
        } catch (IOException e) {
            throw new ConfigException(list + ": cannot read: " + e.getMessage());
        }
        return out;
    }
}
