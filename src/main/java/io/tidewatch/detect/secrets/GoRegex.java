package io.tidewatch.detect.secrets;

/**
 * Go's regexp (RE2) syntax as gitleaks writes it, for RE2/J. The two share a grammar
 * ({@code (?i)}, {@code (?-i:..)}, {@code \z}, {@code [[:alnum:]]}, {@code \Q..\E} and
 * {@code (?P<name>..)} all work in both); the one difference is Go 1.22's {@code (?<name>..)}
 * group syntax, rewritten here to {@code (?P<name>..)}.
 * <p>
 * One chat adaptation: gitleaks ends most token rules with {@code [\x60'"\s;]} (a token in code
 * is followed by a quote, space or semicolon); in chat it is as often followed by a comma, a
 * full stop or CJK punctuation ("token是sk_live_…，谢谢"), so that class is widened.
 */
final class GoRegex {
    static final String CODE_TERMINATOR = "[\\x60'\"\\s;]";
    static final String CHAT_TERMINATOR = "[\\x60'\"\\s;,.!?)\\]}>，。！？；：、）】」]";

    private GoRegex() {}

    static String toRe2j(String go) {
        go = go.replace(CODE_TERMINATOR, CHAT_TERMINATOR);
        if (!go.contains("(?<")) return go;
        StringBuilder out = new StringBuilder(go.length() + 8);
        for (int i = 0; i < go.length(); i++) {
            char c = go.charAt(i);
            if (c == '\\' && i + 1 < go.length()) {
                out.append(c).append(go.charAt(++i));
                continue;
            }
            if (go.startsWith("(?<", i) && i + 3 < go.length() && go.charAt(i + 3) != '=' && go.charAt(i + 3) != '!') {
                out.append("(?P<");
                i += 2;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A looser regex for prefiltering: every wide bounded repeat {@code {m,n}} becomes {@code {m,}},
     * so its language is a superset of the original's. When it finds nothing the original cannot
     * match either; it is much cheaper because RE2/J's NFA has a state per counted repetition.
     * A leading optional run ({@code [\\w.-]{0,50}?}) is dropped too: for a search it only
     * widens where a match may start. Returns null when nothing would change.
     */
    static String relaxed(String re) {
        StringBuilder out = new StringBuilder(re.length());
        boolean changed = false;
        int skip = leadingOptionalRun(re);
        if (skip > 0) {
            int flags = flagsPrefix(re);
            re = re.substring(0, flags) + re.substring(skip);
            changed = true;
        }
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                out.append(c).append(re.charAt(++i));
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') out.append(re.charAt(++i));
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
                continue;
            }
            if (c == '{') {
                int close = re.indexOf('}', i);
                if (close > 0) {
                    String body = re.substring(i + 1, close);
                    int comma = body.indexOf(',');
                    if (comma > 0 && comma < body.length() - 1 && body.chars().allMatch(ch -> ch == ',' || Character.isDigit(ch))) {
                        int m = Integer.parseInt(body.substring(0, comma));
                        int n = Integer.parseInt(body.substring(comma + 1));
                        if (n - m >= 8) {
                            out.append('{').append(m).append(",}");
                            i = close;
                            changed = true;
                            continue;
                        }
                    }
                }
            }
            out.append(c);
        }
        return changed ? out.toString() : null;
    }

    /** Length of a leading "(?flags)" group such as "(?i)", or 0. */
    private static int flagsPrefix(String re) {
        if (!re.startsWith("(?")) return 0;
        int close = re.indexOf(')');
        if (close <= 2) return 0;
        String flags = re.substring(2, close);
        return flags.chars().allMatch(c -> Character.isLetter(c) || c == '-') ? close + 1 : 0;
    }

    /** End index of a leading "(?flags)" + "[class]{0,n}?" (or *, *?) run, or 0 when the regex has none. */
    private static int leadingOptionalRun(String re) {
        int i = flagsPrefix(re);
        int atomEnd;
        if (re.startsWith("[", i)) {
            atomEnd = i + 1;
            if (re.startsWith("^", atomEnd)) atomEnd++;
            if (re.startsWith("]", atomEnd)) atomEnd++;
            while (atomEnd < re.length() && re.charAt(atomEnd) != ']') {
                if (re.charAt(atomEnd) == '\\') atomEnd++;
                atomEnd++;
            }
            atomEnd++;
        } else if (re.startsWith("\\", i) && i + 1 < re.length() && Character.isLetter(re.charAt(i + 1))) {
            atomEnd = i + 2;
        } else {
            return 0;
        }
        if (atomEnd >= re.length()) return 0;
        int q = atomEnd;
        if (re.charAt(q) == '*') q++;
        else if (re.startsWith("{0,", q) && re.indexOf('}', q) > 0) q = re.indexOf('}', q) + 1;
        else return 0;
        if (q < re.length() && re.charAt(q) == '?') q++;
        return q;
    }
}
