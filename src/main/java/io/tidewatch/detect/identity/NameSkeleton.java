package io.tidewatch.detect.identity;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one normalizer for names, handles and domain labels: reduces a string to what it looks like
 * (UTS #39 skeleton via ICU4J), after stripping invisible and bidi characters, and then undoes
 * leetspeak and decorations. Names, handles, domains and scam text all go through here so a
 * disguise undone for one is undone for all. Thread-safe.
 */
public final class NameSkeleton {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    private final Map<Character, String> leetChars = new LinkedHashMap<>();
    private final Map<String, String> leetSequences = new LinkedHashMap<>();
    private final Map<Integer, String> folds = new LinkedHashMap<>();
    private final Map<Integer, String> readableCache = new ConcurrentHashMap<>();
    /** Readings of single BMP code points, filled on first use (a benign race: every writer writes the same value). */
    private final String[] bmpReadable = new String[0x10000];
    /** Skeletons of single code points, filled on first use (a benign race: every writer writes the same value). */
    private final String[] bmpSkeletons = new String[0x10000];
    private final Map<Integer, String> otherSkeletons = new ConcurrentHashMap<>();

    /**
     * @param leet  single characters (digits, symbols) or letter sequences ("vv") to the letters they imitate
     * @param folds look-alike letters the confusables table leaves alone (small capitals, kra) to ASCII
     */
    public NameSkeleton(Map<String, String> leet, Map<String, String> folds) {
        leet.forEach((from, to) -> {
            if (from.length() == 1) leetChars.put(from.charAt(0), to);
            else leetSequences.put(from, to);
        });
        folds.forEach((from, to) -> this.folds.put(from.codePointAt(0), to));
    }

    /** The skeleton of a display name, username or domain label. */
    public Skeleton of(String name) {
        if (name == null) return new Skeleton("", List.of(), Set.of());
        EnumSet<Transformation> done = EnumSet.noneOf(Transformation.class);
        String visible = stripInvisible(name, done);
        String compatible = isAscii(visible) ? visible : NFKC.normalize(visible);
        if (!compatible.equals(visible)) done.add(Transformation.COMPATIBILITY);
        String separated = separate(compatible, done);

        List<String> tokens = new ArrayList<>();
        for (String raw : separated.split(" ")) {
            if (raw.isEmpty()) continue;
            String token = raw;
            if (isAllDigits(token)) { done.add(Transformation.DECORATIONS); continue; }
            token = stripDigitSuffix(token, done);
            String canonical = canonicalToken(token, done);
            if (!canonical.isEmpty()) tokens.add(canonical);
        }
        return new Skeleton(name, tokens, done);
    }

    /** The skeleton of a word as one key (bait words, brand labels): tokens run together. */
    public String key(String word) { return of(word).joined(); }

    /**
     * Text folded for phrase matching: invisibles dropped, homoglyphs and styled letters to plain
     * lower-case letters, traditional Chinese characters to simplified ones ({@link HanFold}), everything else
     * (CJK, punctuation, digits) kept. {@code offsets[i]} is the
     * index in the original of folded char {@code i}.
     */
    public FoldedText readable(String text) {
        // char arrays, not a StringBuilder: this runs on every char of every post
        char[] out = new char[text.length() + 8];
        int[] offsets = new int[out.length];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch < 0x80) { // ASCII has no invisibles and folds to itself in lower case
                if (n == out.length) { out = java.util.Arrays.copyOf(out, 2 * n); offsets = java.util.Arrays.copyOf(offsets, 2 * n); }
                offsets[n] = i++;
                out[n++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
                continue;
            }
            int cp = text.codePointAt(i);
            String piece = readablePiece(cp);
            for (int k = 0; k < piece.length(); k++) {
                if (n == out.length) { out = java.util.Arrays.copyOf(out, 2 * n); offsets = java.util.Arrays.copyOf(offsets, 2 * n); }
                offsets[n] = i;
                out[n++] = piece.charAt(k);
            }
            i += Character.charCount(cp);
        }
        return new FoldedText(new String(out, 0, n), java.util.Arrays.copyOf(offsets, n), text.length());
    }

    /** What a non-ASCII code point reads as ("" for an invisible one), cached: a text is folded per message. */
    private String readablePiece(int cp) {
        if (cp >= bmpReadable.length) return readableCache.computeIfAbsent(cp, c -> isInvisible(c) ? "" : readableCodePoint(c));
        String known = bmpReadable[cp];
        if (known == null) bmpReadable[cp] = known = isInvisible(cp) ? "" : readableCodePoint(cp);
        return known;
    }

    /** Folded text with a map back to the original's offsets. */
    public record FoldedText(String text, int[] offsets, int originalLength) {
        public int originalIndex(int foldedIndex) {
            return foldedIndex >= offsets.length ? originalLength : offsets[foldedIndex];
        }
    }

    private String readableCodePoint(int cp) {
        String s = NFKC.normalize(new String(Character.toChars(cp)));
        if (s.chars().allMatch(c -> c < 0x80)) return s.toLowerCase(Locale.ROOT);   // full-width and styled letters
        String skel = stripMarks(SPOOF.getSkeleton(s)).toLowerCase(Locale.ROOT);
        skel = applyFolds(skel);
        if (skel.equals("rn")) return "m";   // one letter that looks like m reads as m, not as "rn"
        if (!skel.isEmpty() && skel.chars().allMatch(c -> c >= 'a' && c <= 'z') && UCharacter.isLetter(cp)) return skel;
        return HanFold.fold(s.toLowerCase(Locale.ROOT)); // traditional Chinese as simplified: the rules read both alike
    }

    private String canonicalToken(String token, EnumSet<Transformation> done) {
        String skeleton = skeletonOf(token);
        if (nonAsciiCount(skeleton) < nonAsciiCount(token)) done.add(Transformation.HOMOGLYPH);
        String lower = skeleton.toLowerCase(Locale.ROOT);
        if (!lower.equals(skeleton) && !done.contains(Transformation.CASE) && mixedCase(token)) done.add(Transformation.CASE);
        String plain = stripMarks(lower);
        if (!plain.equals(lower)) done.add(Transformation.DIACRITICS);
        String folded = applyFolds(plain);
        if (!folded.equals(plain)) done.add(Transformation.HOMOGLYPH);
        // the table writes 'm' as "rn"; read both back as 'm' so a swap next to an m stays one swap
        if (token.toLowerCase(Locale.ROOT).contains("rn")) done.add(Transformation.HOMOGLYPH);
        folded = folded.replace("rn", "m");
        String unleet = applyLeet(folded);
        if (!unleet.equals(folded)) done.add(Transformation.LEET);
        // the confusables table keeps 'i' and 'l' apart but maps '1', 'I' and '|' to 'l': fold them together
        return unleet.replace('i', 'l');
    }

    /**
     * The UTS #39 skeleton, computed per code point: the skeleton maps each code point of the NFD form
     * independently, so per-code-point results are cached and concatenated instead of asking ICU for
     * every name.
     */
    private String skeletonOf(String token) {
        String nfd = isAscii(token) ? token : NFD.normalize(token);
        StringBuilder sb = new StringBuilder(nfd.length() + 4);
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(codePointSkeleton(cp));
        }
        return sb.toString();
    }

    private String codePointSkeleton(int cp) {
        if (cp < bmpSkeletons.length) {
            String known = bmpSkeletons[cp];
            if (known == null) bmpSkeletons[cp] = known = SPOOF.getSkeleton(new String(Character.toChars(cp)));
            return known;
        }
        return otherSkeletons.computeIfAbsent(cp, c -> SPOOF.getSkeleton(new String(Character.toChars(c))));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private String applyLeet(String token) {
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) if (Character.isLetter(token.charAt(i))) { hasLetter = true; break; }
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String to = hasLetter ? leetChars.get(c) : null;
            if (to != null && !(c == '@' && i == 0)) sb.append(to);
            else if (c != '@' && c != '$') sb.append(c);
        }
        String s = sb.toString();
        for (var e : leetSequences.entrySet()) s = s.replace(e.getKey(), e.getValue());
        return s;
    }

    private String applyFolds(String s) {
        if (folds.isEmpty()) return s;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String to = folds.get(cp);
            if (to != null && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null) {
                if (to != null) sb.append(to); else sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb == null ? s : sb.toString();
    }

    private static String stripInvisible(String s, EnumSet<Transformation> done) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) { sb.append((char) cp); continue; }
            if (UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL)) { done.add(Transformation.BIDI); continue; }
            if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF) {
                done.add(Transformation.ZERO_WIDTH);
                continue;
            }
            if (isInvisible(cp)) {
                // a space-like filler (Hangul filler, braille blank) separates words; others vanish
                if (cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0) sb.append(' ');
                done.add(Transformation.INVISIBLE);
                continue;
            }
            if (cp == 0x2800) { sb.append(' '); done.add(Transformation.INVISIBLE); continue; }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static boolean isInvisible(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL)
                || UCharacter.getType(cp) == UCharacterCategory.FORMAT;
    }

    /** Letters, digits and marks stay; leet symbols stay inside words; everything else separates. */
    private String separate(String s, EnumSet<Transformation> done) {
        StringBuilder sb = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int next = i < s.length() ? s.codePointAt(i) : ' ';
            if (UCharacter.isLetterOrDigit(cp) || UCharacter.getType(cp) == UCharacterCategory.NON_SPACING_MARK
                    || UCharacter.getType(cp) == UCharacterCategory.COMBINING_SPACING_MARK) {
                // "币安Helpdesk": a change between CJK and other letters is a word boundary
                if (UCharacter.isLetterOrDigit(prev) && isCjk(prev) != isCjk(cp)) sb.append(' ');
                sb.appendCodePoint(cp);
            } else if (cp < 0x80 && leetChars.containsKey((char) cp) && UCharacter.isLetterOrDigit(next)
                    && (UCharacter.isLetterOrDigit(prev) || cp == '$')) {
                sb.appendCodePoint(cp);
            } else {
                if (!UCharacter.isWhitespace(cp)) {
                    int type = UCharacter.getType(cp);
                    boolean symbol = type == UCharacterCategory.OTHER_SYMBOL || type == UCharacterCategory.MODIFIER_SYMBOL
                            || type == UCharacterCategory.MATH_SYMBOL || Character.isSurrogate((char) s.charAt(i - 1));
                    done.add(symbol ? Transformation.DECORATIONS : Transformation.SEPARATORS);
                }
                sb.append(' ');
            }
            prev = cp;
        }
        return sb.toString();
    }

    private static boolean isCjk(int cp) {
        return cp >= 0x2E80 && UCharacter.isLetter(cp);
    }

    private static String stripDigitSuffix(String token, EnumSet<Transformation> done) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) >= '0' && token.charAt(end - 1) <= '9') end--;
        int digits = token.length() - end;
        if (digits >= 2 && end >= 3) {
            done.add(Transformation.DECORATIONS);
            return token.substring(0, end);
        }
        return token;
    }

    private static String stripMarks(String s) {
        if (isAscii(s)) return s;
        String d = NFD.normalize(s);
        boolean marks = false;
        for (int i = 0; i < d.length() && !marks; i++) marks = UCharacter.getType(d.charAt(i)) == UCharacterCategory.NON_SPACING_MARK;
        if (!marks) return s;
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.getType(cp) != UCharacterCategory.NON_SPACING_MARK) sb.appendCodePoint(cp);
        }
        return Normalizer2.getNFCInstance().normalize(sb);
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean mixedCase(String s) {
        boolean upper = false, lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) upper = true;
            if (Character.isLowerCase(c)) lower = true;
        }
        return upper && lower || upper && s.length() > 1;
    }

    private static int nonAsciiCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) n++;
        return n;
    }
}
