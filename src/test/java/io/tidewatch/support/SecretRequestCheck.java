package io.tidewatch.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Test oracle: finds sentences that ask the reader to hand over a secret or an identity document
 * ("send us your password", "请提供助记词"). A sentence that names a secret and a hand-over verb is
 * fine only when it also negates ("staff never ask for your password").
 */
public final class SecretRequestCheck {
    private static final Pattern SENTENCES = Pattern.compile("[.!?。！？;；\\n]+");
    private static final Pattern SECRET = Pattern.compile(
            "password|passcode|passphrase|seed|recovery phrase|mnemonic|private key|secret|2fa code|verification code"
            + "|authenticator code|otp|sms code|passport|id card|identity document|id document|documents?\\b|selfie"
            + "|密码|助记词|私钥|密钥|验证码|身份证|护照|证件");
    private static final Pattern REQUEST = Pattern.compile(
            "\\b(send|give|tell|share|provide|dm|reply with|type|enter|confirm|upload|forward|include|attach)\\b"
            + "|发送|发给|发我|提供|告诉|索要|给我们|输入|回复|上传|私信|附上|写明");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(never|not|don't|do not|no one|nobody|nor|won't)\\b|不|勿|别|无需");

    private SecretRequestCheck() {}

    public static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCES.split(text.toLowerCase(Locale.ROOT))) {
            if (SECRET.matcher(sentence).find() && REQUEST.matcher(sentence).find() && !NEGATION.matcher(sentence).find()) {
                out.add(sentence.strip());
            }
        }
        return out;
    }
}
