package io.tidewatch.detect.secrets;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A label in another language is read in the words the rules know; values and the rest of the message stay as they are. */
class TranslatedLabelsTest {
    private static final List<LabelTranslation> LABELS = List.of(
            new LabelTranslation("password", List.of("contraseña", "senha", "şifre"), List.of("es", "é")),
            new LabelTranslation("passphrase", List.of("frase de contraseña")),
            new LabelTranslation("密码", List.of("パスワード"), List.of("は")),
            new LabelTranslation("secret key", List.of("シークレット")));

    private static NormalizedText reading(String text) {
        return TranslatedLabels.read(TextNormalizer.normalize(text), LABELS);
    }

    @Test
    void translates_labels_in_letters_and_in_cjk_script() {
        assertEquals("password: H0dl505&", reading("contraseña: H0dl505&").text());
        assertEquals("我的密码是 storm.nova8660!", reading("我的パスワード是 storm.nova8660!").text());
        assertEquals("giriş password: mochi1979", reading("giriş şifre: mochi1979").text());
        assertEquals("API secret key BDC6", reading("APIシークレットBDC6").text()); // glued to words: read as a word of its own
    }

    @Test
    void the_word_for_is_after_a_label_is_read_as_nothing_or_as_shi() {
        // the value then stands after the label alone: the rules take it only when it looks like a password
        assertEquals("mi password   Qwerty!xZ", reading("mi contraseña es Qwerty!xZ").text());
        assertEquals("密码是abc12345です", reading("パスワードはabc12345です").text());
        assertEquals("password: esQ1", reading("contraseña: esQ1").text()); // "es" glued to a value is no word
    }

    @Test
    void a_password_after_the_word_for_is_is_found_and_a_verdict_is_not() {
        Scanners.assertFoundHiding("a senha é Tr0ub4dorxx, não consigo entrar", "password-bare", "Tr0ub4dorxx");
        Scanners.assertFoundHiding("パスワードはriver1551です", "password-in-chat-zh", "river1551");
        SecretScanner scanner = Scanners.own();
        assertTrue(scanner.scanDetailed("a senha é muito fraca").findings().isEmpty());
        assertTrue(scanner.scanDetailed("Passwort ist falsch, was nun?").findings().isEmpty());
        assertTrue(scanner.scanDetailed("le mot de passe est trop court").findings().isEmpty());
    }

    @Test
    void the_longest_label_wins() {
        assertEquals("passphrase: A#j4ENrlO", reading("frase de contraseña: A#j4ENrlO").text());
    }

    @Test
    void a_value_found_in_the_reading_maps_back_to_the_message() {
        String text = "ayuda: contraseña H0dl505& por favor";
        NormalizedText r = reading(text);
        int at = r.text().indexOf("H0dl505&");
        assertEquals("H0dl505&", text.substring(r.originalStart(at), r.originalEnd(at + 8)));
        // a char of the translated label stands for the whole label
        int label = r.text().indexOf("password");
        assertEquals("contraseña", text.substring(r.originalStart(label), r.originalEnd(label + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"as senhas fortes têm 12 caracteres", "no label here: H0dl505&", "şifreleme nedir"})
    void a_word_only_inside_another_is_no_label(String text) {
        assertNull(reading(text));
    }

    @Test
    void a_password_after_a_label_in_another_language_is_found_and_never_shown() {
        Scanners.assertFoundHiding("giriş şifresi: mochi1979  e-posta aynı", "password-in-chat", "mochi1979");
        Scanners.assertFoundHiding("パスワード: riverlotus1551 ログインできない", "password-in-chat-zh", "riverlotus1551");
    }

    @Test
    void advice_in_another_language_is_no_leak() {
        SecretScanner scanner = Scanners.own();
        assertTrue(scanner.scanDetailed("nunca compartas tu contraseña con nadie, ni con soporte").findings().isEmpty());
        assertTrue(scanner.scanDetailed("la contraseña debe tener 8 caracteres como mínimo").findings().isEmpty());
        assertTrue(scanner.scanDetailed("mi código de invitación es 482913, bono de 10 USDT").findings().isEmpty());
    }

    @Test
    void a_translation_without_words_is_refused_with_its_line() {
        String toml = "[context]\ntranslatedLabels = [ { as = \"password\" } ]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> RuleFileReader.parse(Path.of("t.toml"), toml));
        assertTrue(e.getMessage().contains("'translatedLabels' for 'password' needs 'words'"), e.getMessage());
    }
}
