package io.tidewatch.detect.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The literal words a regular expression must start with: "\b(dm|pm|inbox)\s+me" needs "dm", "pm"
 * or "inbox"; "私信(我|我们)" needs "私信". RE2/J has no DFA, so every pattern costs a pass over the
 * text; a keyword index over these prefixes skips the patterns a message cannot match. An empty
 * list means "no safe prefix: always run the pattern".
 */
final class LiteralPrefixes {
    private static final String META = "\\.[](){}|?*+^$";

    private LiteralPrefixes() {}

    static List<String> of(String regex) {
        String r = regex.startsWith("\\b") ? regex.substring(2) : regex;
        if (r.isEmpty() || r.startsWith("(?")) return List.of(); // flags or non-capturing groups: keep it simple
        if (r.charAt(0) != '(') {
            String p = prefix(r);
            return p.isEmpty() ? List.of() : List.of(p);
        }
        int close = matchingParen(r);
        if (close < 0) return List.of();
        if (close + 1 < r.length() && "?*{".indexOf(r.charAt(close + 1)) >= 0) return List.of(); // optional group
        List<String> out = new ArrayList<>();
        for (String alternative : topLevelAlternatives(r.substring(1, close))) {
            String p = prefix(alternative);
            if (p.isEmpty()) return List.of(); // one alternative without a literal start: no safe keyword
            out.add(p);
        }
        return out;
    }

    /** The literal characters an expression starts with, lower-cased; a quantified last char is dropped. */
    private static String prefix(String r) {
        int i = 0;
        while (i < r.length() && META.indexOf(r.charAt(i)) < 0) i++;
        String p = r.substring(0, i);
        if (i < r.length() && "?*{".indexOf(r.charAt(i)) >= 0 && !p.isEmpty()) p = p.substring(0, p.length() - 1);
        return p.strip().toLowerCase(Locale.ROOT); // "send " needs "send"
    }

    private static int matchingParen(String r) {
        int depth = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') i++;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<String> topLevelAlternatives(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') i++;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        out.add(body.substring(start));
        return out;
    }
}
