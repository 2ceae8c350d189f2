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
        List<String> alternatives = topLevelAlternatives(r);
        if (alternatives.size() > 1) {
            List<String> out = new ArrayList<>();
            for (String alternative : alternatives) {
                List<String> starts = of(alternative);
                if (starts.isEmpty()) return List.of(); // one alternative without a literal start: no safe keyword
                out.addAll(starts);
            }
            return out;
        }
        if (r.charAt(0) != '(') {
            String p = prefix(r);
            return p.isEmpty() ? List.of() : List.of(p);
        }
        int close = matchingParen(r);
        if (close < 0) return List.of();
        if (close + 1 < r.length() && "?*{".indexOf(r.charAt(close + 1)) >= 0) return List.of(); // optional group
        return of(r.substring(1, close));
    }

    /**
     * Every set of literal words the expression needs somewhere, one of each set: "(问题|充值).{0,15}(私聊|私信)"
     * needs one of [问题, 充值] and one of [私聊, 私信]. Only top-level parts count: a plain literal run
     * (its quantified last char dropped) or a group that is not optional, by the words its alternatives start
     * with ("(unfreez\\w*|unlock\\w*)" needs "unfreez" or "unlock").
     * Anything unsure is left out, so the sets only ever rule out texts the expression cannot match.
     */
    static List<List<String>> requiredGroups(String regex) {
        List<List<String>> out = new ArrayList<>();
        if (regex.startsWith("(?") || topLevelAlternatives(regex).size() > 1) return out;
        int i = 0, n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            if (c == '\\') { i += 2; continue; }
            if (c == '[') { i = skipClass(regex, i); continue; }
            if (c == '{') { int close = regex.indexOf('}', i); i = close < 0 ? n : close + 1; continue; }
            if (c == '(') {
                int close = matchingParen(regex.substring(i));
                if (close < 0) return out;
                int end = i + close;
                boolean optional = end + 1 < n && "?*{".indexOf(regex.charAt(end + 1)) >= 0;
                if (!optional) {
                    List<String> alternatives = of(regex.substring(i + 1, end));
                    if (!alternatives.isEmpty()) out.add(alternatives);
                }
                i = end + 1;
                continue;
            }
            if (META.indexOf(c) >= 0) { i++; continue; }
            int start = i;
            while (i < n && META.indexOf(regex.charAt(i)) < 0 && regex.charAt(i) != '\\') i++;
            String run = regex.substring(start, i);
            if (i < n && "?*{".indexOf(regex.charAt(i)) >= 0) run = run.substring(0, run.length() - 1);
            if (!run.isBlank()) out.add(List.of(run.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static int skipClass(String r, int i) {
        for (int k = i + 1; k < r.length(); k++) {
            if (r.charAt(k) == '\\') k++;
            else if (r.charAt(k) == ']' && k > i + 1) return k + 1;
        }
        return r.length();
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
