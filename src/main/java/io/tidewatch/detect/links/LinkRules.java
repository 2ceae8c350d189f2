package io.tidewatch.detect.links;

import io.tidewatch.core.ConfigException;
import io.tidewatch.detect.identity.ReasonTemplate;
import io.tidewatch.detect.identity.RuleFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code rules/links.yaml} says: domains never flagged, an optional file of known phishing
 * domains (one per line, '#' comments), the words phishers add to a brand ("-support", "login-"),
 * how long a brand key must be for each kind of match, the visual folds ("rn" reads as "m"), what
 * counts as evidence for a short name, and the reason texts.
 */
public record LinkRules(Set<String> allowlist, Set<String> blocklist, List<String> addedWords, List<String> labelWords, Lengths lengths,
                        Map<String, String> visualFolds, LinkEvidence evidence,
                        ReasonTemplate lookalikeReason, ReasonTemplate blockedReason, ReasonTemplate handleReason,
                        ReasonTemplate evidenceNote) {
    public LinkRules {
        allowlist = Set.copyOf(allowlist);
        blocklist = Set.copyOf(blocklist);
        addedWords = List.copyOf(addedWords);
        labelWords = List.copyOf(labelWords);
        visualFolds = Map.copyOf(visualFolds);
    }

    /**
     * Brand-key lengths (letters) from which each match counts without further evidence.
     *
     * @param oneEdit             one-edit typos ("binanse")
     * @param twoEdits            two-edit typos
     * @param swap                a swap of two neighbours ("exxe" for "exex")
     * @param distinctive         a key that is no everyday word counts anywhere inside a label ("freebinance")
     * @param wordMinLength       the shortest dictionary word the rest of a label is read as ("okx" + "pay")
     * @param everydayPrefixWords a key that begins this many dictionary words is an everyday word part ("crypto")
     */
    public record Lengths(int oneEdit, int twoEdits, int swap, int distinctive, int wordMinLength, int everydayPrefixWords) {}

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
        Lengths lengths = new Lengths(f.integer("lengths.one_edit_from", 1, 63), f.integer("lengths.two_edits_from", 1, 63),
                f.integer("lengths.swap_from", 1, 63), f.integer("lengths.distinctive_from", 1, 63),
                f.integer("lengths.word_min_length", 1, 63), f.integer("lengths.everyday_prefix_words", 1, 100_000));
        Map<String, String> folds = new LinkedHashMap<>();
        f.textMap("visual_folds").forEach((from, to) -> {
            if (from.isEmpty() || to.isEmpty() || !from.chars().allMatch(c -> c < 0x80) || !to.chars().allMatch(c -> c < 0x80)) {
                throw f.error("visual_folds." + from, "ASCII letters or digits on both sides are required");
            }
            folds.put(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT));
        });
        List<String> labelWords = f.texts("label_words", false).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return new LinkRules(allow, block, words, labelWords, lengths, folds, LinkEvidence.load(f, "evidence"),
                reason(f, "reasons.lookalike"), reason(f, "reasons.blocklisted"), reason(f, "reasons.handle"),
                reason(f, "reasons.evidence"));
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
