package io.tidewatch.detect.secrets;

/**
 * Go's regexp (RE2) syntax as gitleaks writes it, for RE2/J. The two share a grammar
 * ({@code (?i)}, {@code (?-i:..)}, {@code \z}, {@code [[:alnum:]]}, {@code \Q..\E} and
 * {@code (?P<name>..)} all work in both); the one difference is Go 1.22's {@code (?<name>..)}
 * group syntax, rewritten here to {@code (?P<name>..)}.
 */
final class GoRegex {
    private GoRegex() {}

    static String toRe2j(String go) {
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
