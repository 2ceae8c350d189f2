package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A label in another language and the word the rules know it by ({@code [context] translatedLabels} in a rule file):
 * "contraseña", "senha", "şifre" read as "password"; "パスワード", "비밀번호" as "密码". Members of a global community
 * paste a value after the label of their own language; the message is read once more with the label translated, and
 * the rules judge that reading as any other. Words are lower case.
 */
public record LabelTranslation(String as, List<String> words) {
    public LabelTranslation {
        words = List.copyOf(words);
    }
}
