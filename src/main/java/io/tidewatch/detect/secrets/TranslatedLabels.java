package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A reading of a message with its labels in another language put in the words the rules know ({@link LabelTranslation}):
 * "contraseña: H0dl505&" is read as "password: H0dl505&", "パスワード是 …" as "密码是 …". A label written in letters must
 * stand as a word ("senha", not the "senha" inside "senhas"); one in CJK script needs no spaces around it. The longest
 * label wins where two overlap ("frase de contraseña" before "contraseña"). A label glued to a word is read as a word of
 * its own ("APIシークレット" as "API secret key").
 */
final class TranslatedLabels {
    private TranslatedLabels() {}

    /** The reading, or null when none of {@code translations}' words stands in the text as a label. */
    static NormalizedText read(NormalizedText nt, List<LabelTranslation> translations) {
        if (translations.isEmpty()) return null;
        String lower = nt.lower();
        int n = lower.length();
        // per char: the translation that starts there and how long its word is (0: none)
        int[] length = null;
        LabelTranslation[] as = null;
        for (LabelTranslation t : translations) {
            for (String w : t.words()) {
                for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
                    int e = i + w.length();
                    if (!standsAlone(lower, i, e)) continue;
                    if (length == null) { length = new int[n]; as = new LabelTranslation[n]; }
                    if (w.length() > length[i]) { length[i] = w.length(); as[i] = t; }
                }
            }
        }
        if (length == null) return null;
        ReadingBuilder out = new ReadingBuilder(nt);
        String t = nt.text();
        for (int k = 0; k < n; ) {
            if (length[k] > 0) {
                // glued to a word ("APIシークレット"), the label is read as a word of its own ("API secret key")
                int e = k + length[k];
                LabelTranslation label = as[k];
                String word = label.as();
                if (k > 0 && alphabetic(t.charAt(k - 1)) && alphabetic(word.charAt(0))) out.insertSpace(k);
                out.putFor(k, e, word);
                if (e < n && alphabetic(t.charAt(e)) && alphabetic(word.charAt(word.length() - 1))) out.insertSpace(e);
                k = e;
                // and the word for "is" right after it ("contraseña es …", "Passwort lautet …", "パスワードは…")
                int at = k < n && lower.charAt(k) == ' ' ? k + 1 : k;
                int copula = copulaEnd(lower, at, label);
                if (copula > at) {
                    for (; k < at; k++) out.keep(k);
                    String is = label.copulaAs();
                    out.putFor(at, copula, is);
                    if (copula < n && alphabetic(t.charAt(copula)) && alphabetic(is.charAt(is.length() - 1))) out.insertSpace(copula);
                    k = copula;
                }
            } else {
                out.keep(k);
                k++;
            }
        }
        return out.build();
    }

    /** The end of one of the label's copulas standing at {@code at} as a word, or {@code at} when none does. */
    private static int copulaEnd(String lower, int at, LabelTranslation label) {
        int best = at;
        for (String c : label.copulas()) {
            int e = at + c.length();
            if (e > best && lower.startsWith(c, at) && standsAlone(lower, at, e)) best = e;
        }
        return best;
    }

    /** A word that begins or ends with a letter of an alphabet has no such letter or digit next to it there. */
    private static boolean standsAlone(String lower, int s, int e) {
        if (alphabetic(lower.charAt(s)) && s > 0 && alphabetic(lower.charAt(s - 1))) return false;
        return !(alphabetic(lower.charAt(e - 1)) && e < lower.length() && alphabetic(lower.charAt(e)));
    }

    /**
     * ASCII letters and digits, and letters of alphabets (Cyrillic, Greek, Vietnamese…): not CJK scripts, whose words
     * need no spaces.
     */
    private static boolean alphabetic(char c) {
        if (c < 0x80) return Character.isLetterOrDigit(c);
        if (!Character.isLetter(c)) return false;
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s != Character.UnicodeScript.HAN && s != Character.UnicodeScript.HIRAGANA && s != Character.UnicodeScript.KATAKANA
                && s != Character.UnicodeScript.HANGUL;
    }
}
