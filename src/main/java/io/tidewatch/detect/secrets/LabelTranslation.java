package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A label in another language and the word the rules know it by ({@code [context] translatedLabels} in a rule file):
 * "contraseña", "senha", "şifre" read as "password"; "パスワード", "비밀번호" as "密码". Members of a global community
 * paste a value after the label of their own language; the message is read once more with the label translated, and
 * the rules judge that reading as any other. Words are lower case. {@code copulas}: the words for "is" in those
 * languages, read right after the label as {@link #copulaAs()} says.
 */
public record LabelTranslation(String as, List<String> words, List<String> copulas) {
    public LabelTranslation {
        words = List.copyOf(words);
        copulas = List.copyOf(copulas);
    }

    public LabelTranslation(String as, List<String> words) { this(as, words, List.of()); }

    /**
     * What the word for "is" after this label is read as: "パスワードは…" as "密码是…"; "contraseña es …", "Passwort
     * lautet …" as "password …", a label with its value, which the rules take only when it looks like a password
     * ("a senha é muito fraca" says the password is very weak: read as "password is muito" it would be one).
     */
    String copulaAs() { return as.chars().anyMatch(c -> c >= 0x2E80) ? "是" : " "; }
}
