package io.tidewatch.detect.links;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates lookalikes of a domain the way dnstwist's fuzzers do, each tagged with its operation,
 * to test the judge on variants nobody wrote by hand.
 */
final class DomainFuzzer {
    private DomainFuzzer() {}

    record Variant(String operation, String domain) {}

    private static final String[] KEYBOARD = {"1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/"};
    private static final Map<Character, String[]> HOMOGLYPHS = Map.ofEntries(
            Map.entry('a', new String[]{"а", "4"}), Map.entry('o', new String[]{"0", "о"}), Map.entry('e', new String[]{"е", "3"}),
            Map.entry('i', new String[]{"1", "l", "і"}), Map.entry('l', new String[]{"1", "I"}), Map.entry('m', new String[]{"rn"}),
            Map.entry('w', new String[]{"vv"}), Map.entry('c', new String[]{"с"}), Map.entry('p', new String[]{"р"}),
            Map.entry('x', new String[]{"х"}), Map.entry('y', new String[]{"у"}), Map.entry('k', new String[]{"к"}),
            Map.entry('b', new String[]{"8"}), Map.entry('s', new String[]{"5", "ѕ"}), Map.entry('n', new String[]{"ո"}));
    private static final List<String> WORDS = List.of("support", "login", "verify", "secure", "wallet", "app", "airdrop", "help", "account");
    private static final List<String> TLDS = List.of("net", "org", "io", "co", "app", "xyz", "top", "info", "site", "online", "com.co", "co.uk");

    static List<Variant> fuzz(String domain) {
        int dot = domain.indexOf('.');
        String label = domain.substring(0, dot), tld = domain.substring(dot + 1);
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(label + "." + tld);
        java.util.function.BiConsumer<String, String> add = (op, l) -> {
            String d = l.contains(".") && !l.endsWith(".") ? l : l + "." + tld;
            if (!l.isEmpty() && !l.startsWith("-") && !l.endsWith("-") && seen.add(d)) out.add(new Variant(op, d));
        };
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            add.accept("omission", label.substring(0, i) + label.substring(i + 1));
            add.accept("repetition", label.substring(0, i) + c + label.substring(i));
            if (i + 1 < label.length()) add.accept("transposition", label.substring(0, i) + label.charAt(i + 1) + c + label.substring(i + 2));
            for (char n : neighbours(c)) {
                add.accept("replacement", label.substring(0, i) + n + label.substring(i + 1));
                add.accept("insertion", label.substring(0, i) + n + label.substring(i));
            }
            for (int bit = 0; bit < 8; bit++) {
                char f = (char) (c ^ (1 << bit));
                if (f >= 'a' && f <= 'z' || f >= '0' && f <= '9') add.accept("bitsquatting", label.substring(0, i) + f + label.substring(i + 1));
            }
            for (String h : HOMOGLYPHS.getOrDefault(c, new String[0])) add.accept("homoglyph", label.substring(0, i) + h + label.substring(i + 1));
            if (i > 0) add.accept("hyphenation", label.substring(0, i) + "-" + label.substring(i));
        }
        for (String w : WORDS) {
            add.accept("dictionary", label + "-" + w);
            add.accept("dictionary", w + "-" + label);
            add.accept("dictionary", label + w);
        }
        for (String t : TLDS) if (!t.equals(tld)) add.accept("tld-swap", label + "." + t);
        add.accept("subdomain", label + "." + tld + ".secure-login.ru");
        add.accept("subdomain", label + ".login-verify.xyz");
        add.accept("various", label + tld + "." + tld);
        add.accept("various", label + "-" + tld + "." + tld);
        return out;
    }

    private static List<Character> neighbours(char c) {
        List<Character> out = new ArrayList<>();
        for (int r = 0; r < KEYBOARD.length; r++) {
            int at = KEYBOARD[r].indexOf(c);
            if (at < 0) continue;
            if (at > 0) out.add(KEYBOARD[r].charAt(at - 1));
            if (at + 1 < KEYBOARD[r].length()) out.add(KEYBOARD[r].charAt(at + 1));
            if (r > 0) out.add(KEYBOARD[r - 1].charAt(Math.min(at, KEYBOARD[r - 1].length() - 1)));
            if (r + 1 < KEYBOARD.length) out.add(KEYBOARD[r + 1].charAt(Math.min(at, KEYBOARD[r + 1].length() - 1)));
        }
        out.removeIf(ch -> !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9'));
        return out;
    }
}
