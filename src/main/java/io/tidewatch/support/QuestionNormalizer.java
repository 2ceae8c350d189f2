package io.tidewatch.support;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import java.util.Map;

/**
 * Brings the ways people type one word to one form before analysis: NFKC with case folding (full-width
 * letters and digits, ligatures, capitals), traditional Chinese characters to simplified ones (ICU's
 * "Traditional-Simplified"), so 帳戶被盜 finds the words of 账户被盗 and ＫＹＣ those of kyc, and the
 * abbreviations of the language files read as their words ("tb" as 提币: Chinese users type pinyin
 * initials for words they write often). Thread-safe.
 */
final class TextNormalizer {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** ICU transliterators are not safe for concurrent use; each thread gets its own. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private final Map<String, String> abbreviations;

    /** @param abbreviations lower-case Latin tokens and the words they stand for */
    TextNormalizer(Map<String, String> abbreviations) {
        this.abbreviations = Map.copyOf(abbreviations);
    }

    String normalize(String text) {
        String folded = NFKC_CASEFOLD.normalize(text);
        String simplified = hasHan(folded) ? TO_SIMPLIFIED.get().transliterate(folded) : folded;
        return abbreviations.isEmpty() ? simplified : expanded(simplified);
    }

    /** Each whole run of ASCII letters and digits that is an abbreviation, replaced by its word. */
    private String expanded(String text) {
        StringBuilder out = null;
        int i = 0, n = text.length(), copied = 0;
        while (i < n) {
            if (!isAsciiAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isAsciiAlnum(text.charAt(end))) end++;
            String word = abbreviations.get(text.substring(i, end));
            if (word != null) {
                if (out == null) out = new StringBuilder(n + 16);
                out.append(text, copied, i).append(' ').append(word).append(' ');
                copied = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static boolean isAsciiAlnum(char c) { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'; }

    static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) return true;
            i += Character.charCount(c);
        }
        return false;
    }
}
