package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * Builds the excerpt a finding shows people: what kind of thing leaked and where, never the
 * secret. Token prefixes that only name the token type ("ghp_", "xoxb-", "sk-") stay visible.
 */
public final class Redactor {
    static final String MASK = "****";
    private static final int MAX_CONTEXT = 40;

    private Redactor() {}

    /** "ghp_****…(40 chars)"; short secrets just "****". */
    public static String maskToken(String secret) {
        String prefix = typePrefix(secret);
        if (secret.length() < 12) return prefix + MASK;
        return prefix + MASK + "…(" + secret.length() + " chars)";
    }

    /** "abandon ****** … (24 words)": the first word only, as DESIGN.md's findings example shows. */
    public static String maskPhrase(List<String> words) {
        return words.get(0) + " ****** … (" + words.size() + " words)";
    }

    /**
     * The matched text with every secret part masked, cut to a readable length, e.g.
     * "my password is ****". Falls back to the bare mask if any secret would survive.
     */
    public static String excerpt(String match, List<int[]> secretSpans, List<String> secrets) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        List<int[]> spans = secretSpans.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).toList();
        for (int[] s : spans) {
            if (s[0] < pos) continue;
            sb.append(clip(match.substring(pos, s[0]), true));
            sb.append(maskToken(match.substring(s[0], s[1])));
            pos = s[1];
        }
        sb.append(clip(match.substring(pos), false));
        String out = sb.toString().replaceAll("\\s+", " ").strip();
        for (String secret : secrets) {
            if (secret.length() >= 4 && out.contains(secret)) return maskToken(secrets.get(0));
        }
        return out;
    }

    private static String clip(String s, boolean keepEnd) {
        if (s.length() <= MAX_CONTEXT) return s;
        return keepEnd ? "…" + s.substring(s.length() - MAX_CONTEXT) : s.substring(0, MAX_CONTEXT) + "…";
    }

    private static String typePrefix(String secret) {
        int limit = Math.min(8, secret.length() / 3);
        for (int i = limit; i >= 2; i--) {
            char c = secret.charAt(i - 1);
            if ((c == '_' || c == '-') && secret.substring(0, i - 1).chars().allMatch(Character::isLetter)) {
                return secret.substring(0, i);
            }
        }
        return "";
    }
}
