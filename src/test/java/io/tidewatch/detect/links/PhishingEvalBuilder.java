package io.tidewatch.detect.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.BrandProfile;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the link evaluation files in {@code src/test/resources/links/eval/} from published lists
 * (see the README there): phishing domains from the lists that name an evaluation brand, and clean
 * domains from lists of legitimate ones, each split 50/50 by a hash of the line. Not a test; run by
 * hand when the sources change:
 * <pre>java -cp target/test-classes:target/classes:$(cat target/jmh-classpath.txt) \
 *   io.tidewatch.detect.links.PhishingEvalBuilder OUT_DIR SCAMSNIFFER_DOMAINS_JSON ETH_PHISHING_DETECT_CONFIG_JSON \
 *   TOP_SITES_JSON EMAIL_PROVIDERS_JSON FREE_EMAIL_DOMAINS_JSON</pre>
 * The selection is deliberately simpler than the judge and independent of it: a host names a brand
 * when, after decoding punycode, dropping accents and folding a few Cyrillic/Greek letters and the
 * digits 0 and 1, it contains the brand's domain label or name (a name under 5 letters must start or
 * end a dot- or hyphen-separated part), or one part is one edit away from a name of 6+ letters and is
 * no English word.
 */
public final class PhishingEvalBuilder {
    private static final Map<Character, Character> CONFUSABLE = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('к', 'k'),
            Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('ո', 'n'), Map.entry('ο', 'o'), Map.entry('ν', 'v'),
            Map.entry('α', 'a'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ı', 'i'), Map.entry('ɑ', 'a'));

    private PhishingEvalBuilder() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        Map<String, String> phishing = new LinkedHashMap<>();   // host -> source
        for (JsonNode n : json.readTree(Path.of(args[1]).toFile())) phishing.putIfAbsent(host(n.asText()), "scamsniffer");
        JsonNode eth = json.readTree(Path.of(args[2]).toFile());
        for (JsonNode n : eth.path("blacklist")) phishing.putIfAbsent(host(n.asText()), "eth-phishing-detect");
        Map<String, String> clean = new LinkedHashMap<>();
        for (JsonNode n : json.readTree(Path.of(args[3]).toFile())) clean.putIfAbsent(host(n.path("rootDomain").asText()), "top-sites");
        for (JsonNode n : json.readTree(Path.of(args[4]).toFile())) clean.putIfAbsent(host(n.asText()), "email-providers");
        for (JsonNode n : json.readTree(Path.of(args[5]).toFile())) clean.putIfAbsent(host(n.asText()), "free-email-domains");
        for (JsonNode n : eth.path("whitelist")) clean.putIfAbsent(host(n.asText()), "eth-phishing-detect-whitelist");
        for (BrandProfile b : EvalBrands.ALL.values()) {
            for (String d : b.brand().domains()) { clean.put(d, "brand-profile"); clean.put("www." + d, "brand-profile"); }
        }
        WordList words = WordList.english();
        Map<String, List<String>> rows = new TreeMap<>();   // file -> lines
        int dropped = 0;
        for (var e : EvalBrands.ALL.entrySet()) {
            for (var p : phishing.entrySet()) {
                if (official(e.getValue(), p.getKey()) || !names(e.getValue(), p.getKey(), words)) continue;
                rows.computeIfAbsent(half(e.getKey() + " " + site(p.getKey()), "phishing"), k -> new ArrayList<>())
                        .add(e.getKey() + "\t" + p.getKey() + "\t" + p.getValue());
            }
        }
        for (var c : clean.entrySet()) {
            if (phishing.containsKey(c.getKey())) { dropped++; continue; }
            // a "legitimate" domain that names an evaluation brand it does not belong to is neither clean nor known phishing
            boolean names = false;
            for (BrandProfile b : EvalBrands.ALL.values()) names |= !official(b, c.getKey()) && names(b, c.getKey(), words);
            if (names) { dropped++; System.out.println("dropped (names a brand): " + c.getKey()); continue; }
            rows.computeIfAbsent(half(site(c.getKey()), "clean"), k -> new ArrayList<>()).add(c.getKey() + "\t" + c.getValue());
        }
        Files.createDirectories(out);
        for (var r : rows.entrySet()) {
            List<String> lines = new ArrayList<>(new TreeSet<>(r.getValue()));
            Files.write(out.resolve(r.getKey()), lines, StandardCharsets.UTF_8);
            System.out.println(r.getKey() + ": " + lines.size());
        }
        System.out.println("dropped from the clean lists: " + dropped);
    }

    /** The registrable domain, so all hosts of one site fall in the same half. */
    private static String site(String host) {
        return HostName.parse(host).map(HostName::registrable).orElse(host);
    }

    /** Which half a line goes to: the first byte of its SHA-256, even or odd. */
    static String half(String key, String kind) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return kind + ((h[0] & 1) == 0 ? "-tuning.tsv" : "-heldout.tsv");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean official(BrandProfile b, String host) {
        for (String d : b.brand().domains()) if (host.equals(d) || host.endsWith("." + d)) return true;
        return false;
    }

    /** The selection rule in the class comment. */
    static boolean names(BrandProfile brand, String host, WordList words) {
        String unicode;
        try {
            unicode = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            unicode = host;
        }
        List<String> names = new ArrayList<>();
        for (String d : brand.brand().domains()) names.add(d.substring(0, d.indexOf('.')));
        names.add(brand.brand().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        for (String a : brand.brand().aliases()) {
            String plain = a.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (plain.length() == a.replaceAll("[\\s.]", "").length()) names.add(plain);
        }
        for (String variant : List.of(fold(unicode, 'i'), fold(unicode, 'l'))) {
            for (String name : names) {
                if (name.length() < 3) continue;
                if (name.length() >= 5 ? variant.contains(name) : atPartEdge(variant, name)) return true;
                if (name.length() < 6) continue;
                for (String part : variant.split("[.-]")) {
                    if (Math.abs(part.length() - name.length()) <= 1 && !words.contains(part)
                            && (new LevenshteinDistance(1).apply(part, name) == 1 || swapped(part, name))) return true;
                }
            }
        }
        return false;
    }

    private static boolean atPartEdge(String host, String name) {
        for (String part : host.split("[.-]")) if (part.startsWith(name) || part.endsWith(name)) return true;
        return false;
    }

    private static boolean swapped(String a, String b) {
        if (a.length() != b.length()) return false;
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) i++;
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    private static String fold(String s, char one) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder sb = new StringBuilder(d.length());
        for (char c : d.toCharArray()) {
            Character m = CONFUSABLE.get(c);
            sb.append(m != null ? m : c == '0' ? 'o' : c == '1' ? one : c);
        }
        return sb.toString().replace("rn", "m").replace("vv", "w");
    }

    static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
