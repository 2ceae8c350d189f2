package io.tidewatch.detect.identity;

import io.tidewatch.detect.TestBrands;
import io.tidewatch.core.Post;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No scam rule matches inside a token: generated hex, base58 and base64 keys, addresses and hashes,
 * with the words rules look for ("vx", "dm me", "qq", "wx", "u验证"…) planted inside them, in ordinary
 * zh/en sentences, give no finding; bait around such a token is still found.
 */
class ScamTokenBoundaryTest {
    static final String HEX = "0123456789abcdef";
    static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static final String[] PLANTED = {"vx", "wx", "DMme", "PMus", "qq", "tg", "QQ12345678", "vxkefu", "WhatsApp", "inboxme", "sendme",
            "support", "recover", "double", "airdrop", "claim", "verify", "unlock", "frozen", "kefu", "wa", "okx", "admin"};
    static final String[] SENTENCES = {"my deposit address is %s, right?", "txid %s still pending", "充值地址 %s 对吗",
            "交易哈希 %s 显示成功", "xpub %s for the watch-only wallet", "API key %s read only", "提币到 %s 还没到账",
            "sent to %s yesterday, arrived fine", "contract %s is it the official one", "备注 %s 已经填写"};

    @Test
    void keys_addresses_and_hashes_with_planted_bait_words_give_no_finding() {
        Random r = new Random(20261128);
        ScamBaitDetector detector = new ScamBaitDetector(TestBrands.OKX, ScamBaitMatcherTest.MATCHER);
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String token = token(r);
            String text = String.format(SENTENCES[r.nextInt(SENTENCES.length)], token);
            var found = detector.inspect(Post.ofText("m", text));
            if (!found.isEmpty()) flagged.add(found.get(0).rule() + ": " + text);
        }
        assertEquals(List.of(), flagged, String.join("\n", flagged));
    }

    @Test
    void bait_around_a_key_like_token_is_still_found_and_the_token_never_shown() {
        Random r = new Random(7);
        for (String template : List.of("send 0.2 ETH to %s to verify your wallet", "转100U到 %s 验证后解冻",
                "DM me privately, my address %s", "contact @okx_support_desk, ref %s")) {
            String token = token(r);
            var found = new ScamBaitDetector(TestBrands.OKX, ScamBaitMatcherTest.MATCHER).inspect(Post.ofText("m", String.format(template, token)));
            assertTrue(!found.isEmpty(), template);
            for (var f : found) {
                assertTrue(!f.excerpt().contains(token.substring(0, 8)) && !f.reason().contains(token.substring(0, 8)), f.excerpt());
            }
        }
    }

    static String token(Random r) {
        int kind = r.nextInt(4);
        String alphabet = kind == 0 ? HEX : kind == 1 ? BASE58 : BASE64;
        int length = kind == 0 ? 64 : kind == 1 ? 34 + r.nextInt(78) : 40 + r.nextInt(48);
        StringBuilder sb = new StringBuilder(kind == 0 ? "0x" : kind == 3 ? "xprv9s21" : "");
        while (sb.length() < length) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        String planted = PLANTED[r.nextInt(PLANTED.length)];
        sb.insert(2 + r.nextInt(sb.length() - 2), planted);
        if (kind == 1 && r.nextBoolean()) sb.append("==");
        return sb.toString();
    }
}
