package io.tidewatch.support;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Brings the ways people type one word to one form before analysis: NFKC with case folding (full-width
 * letters and digits, ligatures, capitals) and traditional Chinese characters to simplified ones (ICU's
 * "Traditional-Simplified"), so 帳戶被盜 finds the words of 账户被盗 and ＫＹＣ those of kyc.
 */
final class TextNormalizer {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** ICU transliterators are not safe for concurrent use; each thread gets its own. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private TextNormalizer() {}

    static String normalize(String text) {
        String folded = NFKC_CASEFOLD.normalize(text);
        return hasHan(folded) ? TO_SIMPLIFIED.get().transliterate(folded) : folded;
    }

    static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) return true;
            i += Character.charCount(c);
        }
        return false;
    }
}
