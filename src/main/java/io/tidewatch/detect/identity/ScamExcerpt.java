package io.tidewatch.detect.identity;

import java.util.Locale;
import java.util.Set;

/**
 * Makes a finding's excerpt safe to show, log and store on its own: every chunk that looks like a
 * credential, key or address is replaced by {@value #MASK}. A chunk (a run between spaces and CJK
 * characters) is hidden when it is long and mixes letters and digits (keys, addresses, hashes:
 * 16+ characters), when it is 8+ characters mixing letters and digits or symbols (passwords, ids),
 * when it is a long digit run (cards, phone and id numbers), or when it follows a password or code cue
 * ("password:", "pw", "密码", "口令", "验证码"). {@code @handles} stay readable: moderators need them.
 * Independent of the secret detector, so a scam or link excerpt never depends on it having fired.
 */
public final class ScamExcerpt {
    public static final String MASK = "••••••";
    /** After these, the next chunk is hidden whatever it looks like ("password is sunshine"). */
    private static final Set<String> CUES = Set.of("password", "passwd", "pwd", "pw", "passphrase", "pin", "密码", "口令",
            "密钥", "私钥", "秘钥", "code", "otp", "验证码");
    /** After these, only a chunk with a digit ("code 482913", not "code to me"). */
    private static final Set<String> CODE_CUES = Set.of("code", "otp", "pin", "验证码");
    private static final Set<String> CUE_FILLERS = Set.of("is", "was", "to", "=", ":", "：", "是", "为", "改成", "换成", "改为");

    private ScamExcerpt() {}

    /** The text with every credential-like chunk masked. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0, n = text.length();
        boolean cue = false, codeCue = false;
        while (i < n) {
            char c = text.charAt(i);
            if (separates(c)) {
                int start = i;
                while (i < n && separates(text.charAt(i))) i++;
                String sep = text.substring(start, i);
                out.append(sep);
                String cjk = sep.strip();
                if (!cjk.isEmpty()) {
                    String named = cueAtEnd(cjk);
                    boolean filler = CUE_FILLERS.contains(cjk.substring(cjk.length() - 1));
                    if (named != null) { cue = true; codeCue = CODE_CUES.contains(named); }
                    else if (!(cue && filler)) cue = false;
                }
                continue;
            }
            int start = i;
            while (i < n && !separates(text.charAt(i))) i++;
            String chunk = text.substring(start, i);
            int from = 0, to = chunk.length();
            while (from < to && edgePunctuation(chunk.charAt(from))) from++;
            while (to > from && edgePunctuation(chunk.charAt(to - 1))) to--;
            String core = chunk.substring(from, to);
            String lower = core.toLowerCase(Locale.ROOT);
            if (!core.isEmpty() && (cue && !CUE_FILLERS.contains(lower) && (!codeCue || hasDigit(core)) || credentialLike(core))) {
                out.append(chunk, 0, from).append(MASK).append(chunk, to, chunk.length());
                cue = false;
                continue;
            }
            out.append(chunk);
            String word = stripTrailing(lower);
            if (CUES.contains(word)) { cue = true; codeCue = CODE_CUES.contains(word); }
            else if (!(cue && CUE_FILLERS.contains(lower))) cue = false;
        }
        return out.toString();
    }

    /** Keys, addresses, hashes, passwords, ids, long numbers; not words, handles, amounts or tickers. */
    public static boolean credentialLike(String s) {
        if (s.startsWith("@") && s.length() <= 33) return false;
        int letters = 0, digits = 0, symbols = 0, upper = 0, lower = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
                if (Character.isLowerCase(c)) lower++;
            } else symbols++;
        }
        int len = s.length();
        if (digits > 0 && letters > 0 && len >= 16) return true;
        if (len >= 24 && upper > 0 && lower > 0) return true;
        if (len >= 8 && letters > 0 && (digits > 0 || symbols > 0 && upper > 0 && lower > 0) && !plainWordWithPunctuation(s)) return true;
        return digits >= 12 && letters == 0;
    }

    /** "well-known", "e.g.", "U.S.": letters joined by word punctuation are words, not passwords. */
    private static boolean plainWordWithPunctuation(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && c != '-' && c != '.' && c != '\'' && c != '/') return false;
        }
        return true;
    }

    /** The CJK cue a separator run ends with ("密码是", "验证码："), or null. */
    private static String cueAtEnd(String cjk) {
        String s = cjk;
        while (!s.isEmpty() && "：:=是为 ".indexOf(s.charAt(s.length() - 1)) >= 0) s = s.substring(0, s.length() - 1);
        for (String f : CUE_FILLERS) {
            if (!f.chars().allMatch(ch -> ch < 0x80) && f.length() > 1 && s.endsWith(f)) s = s.substring(0, s.length() - f.length());
        }
        for (String cue : CUES) if (!cue.chars().allMatch(ch -> ch < 0x80) && s.endsWith(cue)) return cue;
        return null;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
        return false;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && ":：=,".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }

    /** Whitespace and CJK characters (and CJK punctuation) separate chunks. */
    private static boolean separates(char c) {
        return Character.isWhitespace(c) || c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFF65
                || c >= 0xAC00 && c <= 0xD7AF;
    }

    private static boolean edgePunctuation(char c) {
        return ".,;!?()[]{}\"'<>“”‘’…".indexOf(c) >= 0;
    }
}
