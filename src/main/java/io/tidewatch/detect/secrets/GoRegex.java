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
}
