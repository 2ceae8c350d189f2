package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.tidewatch.detect.secrets.Bip39Wordlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a finding's excerpt safe to show, log and store on its own: every chunk that looks like a
 * credential, key or address is replaced by {@value #MASK}. A chunk (a run between spaces and CJK
 * characters) is hidden when it mixes letters and digits (keys, addresses, hashes, passwords, ids:
 * 6+ characters), mixes cases and symbols (8+), is a digit run of 6+ (codes, cards, phone and id
 * numbers), or follows a password or code cue ("password:", "pw", "密码", "口令", "验证码"). PEM
 * blocks, keys written in groups of four, runs of BIP-39 words and codes read out in words ("zero eight four …",
 * "六零一八六七") go too. {@code @handles} stay
 * readable: moderators need them.
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

    /** PEM blocks, TOTP keys written in groups of four, BIP-39 phrases: secrets made of short pieces. */
    private static final Pattern PEM = Pattern.compile("(?s)-----BEGIN[^-\\n]{0,40}-----.*?(-----END[^-\\n]{0,40}-----|$)");
    private static final Pattern GROUPED_KEY = Pattern.compile("\\b[A-Z2-7]{4}([ -][A-Z2-7]{4}){3,}\\b");
    /** A code read out in words (voice-to-text): six number words in a row, or six Chinese numerals ("六零一八六七"). */
    private static final Pattern SPOKEN_DIGITS = Pattern.compile("(?i)\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
            + "(?:[\\s,\\-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)){5,}\\b"
            + "|[" + io.tidewatch.detect.ChineseNumerals.CHARS + "]{6,}");
    /**
     * Digits in groups: "551 209" (a code), "4532 0151 1283 0366" (a card), "+1 555 013 2299", "F 1337 07814",
     * "35202-4821733-5" (ids).
     */
    private static final Pattern GROUPED_DIGITS = Pattern.compile("\\+?\\b\\d{2,8}([ -]\\d{1,8})+\\b");
    private static final Pattern WORD = Pattern.compile(
            "[A-Za-z\\x{00C0}-\\x{024F}\\x{200B}]+|[\\x{4E00}-\\x{9FFF}]|[\\x{3040}-\\x{30FF}\\x{30FC}]+|[\\x{AC00}-\\x{D7A3}]+");
    /** This many BIP-39 words in a row (numbering, commas and line breaks between them allowed) are a seed phrase. */
    private static final int SEED_RUN = 5;

    /** The text with every credential-like chunk masked. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) return text;
        text = PEM.matcher(text).replaceAll(MASK);
        text = GROUPED_KEY.matcher(text).replaceAll(MASK);
        text = maskGroupedDigits(text);
        text = SPOKEN_DIGITS.matcher(text).replaceAll(MASK);
        text = maskSeedRuns(text);
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

    private static String maskGroupedDigits(String text) {
        Matcher m = GROUPED_DIGITS.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits < 6) continue;
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, m.start()).append(MASK);
            copied = m.end();
        }
        return out == null ? text : out.append(text.substring(copied)).toString();
    }

    /** Runs of BIP-39 words (any of the ten lists; Chinese ones single characters written apart) become one mask. */
    private static String maskSeedRuns(String text) {
        return masked(text, 0, text.length(), seedRuns(text));
    }

    /**
     * As {@link #safe(String)} for {@code text[start, end)} on one line (every run of white space one space), a run
     * of BIP-39 words judged in the whole text: a phrase whose last words share a line with the bait ("…10 辅 11 湖
     * 12 上 本群即将迁移…") is masked there too, though the part inside the span is shorter than a run.
     */
    public static String safe(String text, int start, int end) {
        List<int[]> crossing = new ArrayList<>();
        for (int[] run : seedRuns(text)) {
            // a run wholly inside the span: safe() masks it
            if (run[0] < end && run[1] > start && (run[0] < start || run[1] > end)) crossing.add(run);
        }
        return safe(masked(text, start, end, crossing).replaceAll("\\s+", " ").strip());
    }

    /** text[start, end) with each of the runs (text positions, ascending, apart) masked where it reaches into it. */
    private static String masked(String text, int start, int end, List<int[]> runs) {
        if (runs.isEmpty()) return text.substring(start, end);
        StringBuilder out = new StringBuilder(end - start);
        int copied = start;
        for (int[] run : runs) {
            out.append(text, copied, Math.max(run[0], start)).append(MASK);
            copied = Math.min(run[1], end);
        }
        return out.append(text, copied, end).toString();
    }

    /** Where the runs of {@link #SEED_RUN} or more BIP-39 words stand, in text order. */
    private static List<int[]> seedRuns(String text) {
        Matcher m = WORD.matcher(text);
        List<int[]> words = new ArrayList<>();
        while (m.find()) {
            String w = m.group().replace("\u200b", "");
            boolean listed = false;
            for (Bip39Wordlist list : Bip39Wordlist.ALL) {
                if (list.indexOf(w) >= 0) {
                    listed = true;
                    break;
                }
            }
            words.add(new int[]{m.start(), m.end(), listed ? 1 : 0});
        }
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int j = i;
            // a run stays in one script: Chinese prose written together must not swallow the English phrase after it;
            // and a Chinese run ends at characters written together ("…纯 明，第二组：…"): the label after a group is no
            // part of it, and would make the whole group look like prose
            while (j < words.size() && words.get(j)[2] == 1 && (j == i || onlySeparators(text, words.get(j - 1)[1], words.get(j)[0])
                    && han(text, words.get(j)) == han(text, words.get(i))
                    && !(han(text, words.get(j)) && words.get(j)[0] == words.get(j - 1)[1]))) j++;
            if (j - i >= SEED_RUN && !(words.get(i)[1] - words.get(i)[0] == 1 && !spaced(text, words, i, j))) {
                runs.add(new int[]{words.get(i)[0], words.get(j - 1)[1]});
            }
            i = Math.max(j, i + 1);
        }
        return runs;
    }

    private static boolean han(String text, int[] word) {
        char c = text.charAt(word[0]);
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    /** Between two seed words: spaces, commas, line breaks and numbering ("2."), nothing else. */
    private static boolean onlySeparators(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c) && ",，、.;0123456789)".indexOf(c) < 0) return false;
        }
        return true;
    }

    /** Chinese seed characters are written apart; "你的账户" is prose, not a phrase. */
    private static boolean spaced(String text, List<int[]> words, int from, int to) {
        for (int k = from + 1; k < to; k++) if (words.get(k)[0] == words.get(k - 1)[1]) return false;
        return true;
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
        if (len >= 6 && letters > 0 && digits > 0) return true;
        if (len >= 16 && upper == len) return true;   // AKIA… and base32 keys
        if (len >= 8 && letters > 0 && symbols > 0 && upper > 0 && lower > 0 && !plainWordWithPunctuation(s)) return true;
        return digits >= 6 && letters == 0 && digits * 2 > len;
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
