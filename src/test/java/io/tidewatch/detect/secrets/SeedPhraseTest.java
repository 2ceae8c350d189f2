package io.tidewatch.detect.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BIP-39: the bundled wordlists, the checksum, and phrases as people paste them. */
class SeedPhraseTest {

    @Test
    void checksum_accepts_the_reference_vectors_and_rejects_a_changed_word() {
        assertTrue(SeedPhraseValidator.checksumValid(Bip39Wordlist.ENGLISH,
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about".split(" ")));
        assertTrue(SeedPhraseValidator.checksumValid(Bip39Wordlist.ENGLISH,
                "legal winner thank year wave sausage worth useful legal winner thank yellow".split(" ")));
        assertTrue(SeedPhraseValidator.checksumValid(Bip39Wordlist.ENGLISH, SecretScannerTest.SEED24.split(" ")));
        assertFalse(SeedPhraseValidator.checksumValid(Bip39Wordlist.ENGLISH,
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon".split(" ")));
        assertFalse(SeedPhraseValidator.checksumValid(Bip39Wordlist.ENGLISH,
                "legal winner thank year wave sausage worth useful legal winner thank year".split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1. fancy 2. muffin 3. offer 4. equal 5. scorpion 6. harsh 7. caught 8. arm 9. never 10. jar 11. cake 12. hire",
        "1) fancy\n2) muffin\n3) offer\n4) equal\n5) scorpion\n6) harsh\n7) caught\n8) arm\n9) never\n10) jar\n11) cake\n12) hire",
        "FANCY muffin Offer equal SCORPION harsh caught ARM never jar cake hire",
        "fancy,muffin,offer,equal,scorpion,harsh,caught,arm,never,jar,cake,hire",
        "can someone help me restore: fancy muffin offer equal scorpion harsh caught arm never jar cake hire. thanks",
        "助记词 只，独，乘，入，纯，明，溶，扇，愈，该，基，捅",
        "只\n独\n乘\n入\n纯\n明\n溶\n扇\n愈\n该\n基\n捅",
        // handed over in labeled parts (here, not among the rule's examples: the scam safety test embeds every
        // six-char piece of an example's span in bait, and here that span holds the labels: "7-12：溶" is one seed
        // character; the scam excerpt masks each spaced group, see ScamExcerptTest)
        "我分两段发你，别搞错顺序\n1-6：只 独 乘 入 纯 明\n7-12：溶 扇 愈 该 基 捅",
        "第一组：只 独 乘 入 纯 明，第二组：溶 扇 愈 该 基 捅",
        // whole lines of a photographed backup card: the card's printed "请妥善保管" is no advice about them
        "拍的备份卡，上面印着「助记词（请妥善保管）」：\n只独乘入纯明\n溶扇愈该基捅\n有几个字不确定认得对不对",
        // written to get past a group's bot: numbered in brackets, joined by dots inside a sentence, in camel case,
        // split over messages marked [1/2] [2/2]
        "【1】fancy【2】muffin【3】offer【4】equal【5】scorpion【6】harsh【7】caught【8】arm【9】never【10】jar【11】cake【12】hire 发了",
        "SUPPORT SAID PUT DOTS FANCY.MUFFIN.OFFER.EQUAL.SCORPION.HARSH.CAUGHT.ARM.NEVER.JAR.CAKE.HIRE PLEASE HURRY",
        "keep losing the paper, here it is\nFancyMuffinOfferEqualScorpionHarshCaughtArmNeverJarCakeHire",
        "phrase in two msgs:\n[1/2] fancy muffin offer equal scorpion harsh\n[2/2] caught arm never jar cake hire",
    })
    void pasted_phrases_are_found(String text) {
        assertEquals(List.of("bip39-seed-phrase"), Scanners.own().scan(text).stream().map(f -> f.rule()).toList(), text);
    }

    @Test
    void ordinary_english_sentences_made_of_list_words_never_trip_it() {
        // random sentences drawn only from BIP-39 words that also occur in everyday chat
        String[] everyday = ("you this that what when where they have will can just more one all also only now over into then "
                + "there very any about again because before below between during next never still sure thing together under "
                + "good great help need want know like market price trade coin wallet account money buy sell hold long short "
                + "today tomorrow week month year time day night morning lucky happy sad crazy fun game news update order "
                + "support team service fee limit deposit exchange token reward risk profit loss").split(" ");
        Random rnd = new Random(42);
        int trips = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 12 + rnd.nextInt(13);
            for (int k = 0; k < n; k++) sb.append(k == 0 ? "" : " ").append(everyday[rnd.nextInt(everyday.length)]);
            sb.append('.');
            if (!Scanners.own().scan(sb.toString()).isEmpty()) trips++;
        }
        assertEquals(0, trips, "ordinary sentences flagged as seed phrases");
    }

    /** A line that is the phrase and nothing else, or the phrase after a colon, may hold a quarter everyday words. */
    @Test
    void a_line_of_list_words_alone_is_found_with_a_few_everyday_words() {
        Random rnd = new Random(5);
        List<String> missed = new java.util.ArrayList<>();
        List<String> rare = List.of("orbit", "canvas", "mosquito", "tribe", "lemon", "pulse", "harvest", "oyster", "daring",
                "vacant", "slush", "horn", "rapid", "discover", "walnut", "zebra");
        for (int i = 0; i < 30; i++) {
            // three everyday words (a quarter), the others rare, the last the checksum's
            List<String> first = new java.util.ArrayList<>(List.of("have", "you", "before"));
            List<String> pool = new java.util.ArrayList<>(rare);
            java.util.Collections.shuffle(pool, rnd);
            first.addAll(pool.subList(0, 8));
            java.util.Collections.shuffle(first, rnd);
            String phrase = String.join(" ", Words.phrase(Words.ENGLISH, Bip39Wordlist.ENGLISH, first, 12, rnd));
            for (String text : List.of(phrase, phrase.toUpperCase(java.util.Locale.ROOT), "copied it off the paper: " + phrase)) {
                if (Scanners.own().scan(text).stream().noneMatch(f -> f.rule().equals("bip39-seed-phrase"))) missed.add(text);
            }
        }
        assertEquals(List.of(), missed);
        // in a sentence the same words are prose
        String sentence = "I think " + String.join(" ", Words.phrase(Words.ENGLISH, Bip39Wordlist.ENGLISH,
                new java.util.ArrayList<>(List.of("have", "you", "before")), 12, rnd)) + " and so on";
        assertTrue(Scanners.own().scan(sentence).stream().noneMatch(f -> f.rule().equals("bip39-seed-phrase")), sentence);
    }

    /** Everyday words on the list (PROSE in rules/secrets.toml) do not hide a valid phrase after a cue. */
    @Test
    void valid_phrases_full_of_everyday_words_are_found_after_a_cue() {
        List<String> everyday = List.of("good", "then", "just", "very", "like", "you", "this", "that", "will", "can", "more",
                "about", "never", "still", "sure", "thing", "please", "help", "know", "think", "great", "really", "again", "only")
                .stream().filter(w -> Bip39Wordlist.ENGLISH.indexOf(w) >= 0).toList();
        assertTrue(everyday.size() >= 15, everyday.toString());
        List<String> cues = List.of("my backup words are", "wallet phrase:", "my seed is", "recovery phrase:", "here are my words:",
                "My backup words are\n", "seed words -", "助记词：", "my secret recovery phrase is \"");
        Random rnd = new Random(3);
        List<String> missed = new java.util.ArrayList<>();
        int n = 0;
        for (int len = 12; len <= 24; len += 3) {
            for (int i = 0; i < 40; i++) {
                List<String> first = new java.util.ArrayList<>();
                int k = 4 + rnd.nextInt(len / 2 - 3);
                for (int j = 0; j < k; j++) first.add(everyday.get(rnd.nextInt(everyday.size())));
                java.util.Collections.shuffle(first, rnd);
                String phrase = String.join(" ", Words.phrase(Words.ENGLISH, Bip39Wordlist.ENGLISH, first, len, rnd));
                String text = cues.get(rnd.nextInt(cues.size())).replace("\\n", "\n") + " " + phrase + (rnd.nextBoolean() ? "" : " pls help");
                n++;
                if (Scanners.own().scan(text).stream().noneMatch(f -> f.rule().equals("bip39-seed-phrase"))) missed.add(text);
            }
        }
        System.out.printf("everyday-word phrases after a cue: %d of %d found%n", n - missed.size(), n);
        assertEquals(List.of(), missed);
    }

    @Test
    void unseparated_chinese_prose_is_not_a_phrase() {
        String prose = "今天行情很好大家注意风险控制不要追高也不要恐慌卖出我们会继续关注市场变化并及时通知各位用户";
        int trips = 0;
        for (int i = 0; i + 30 <= prose.length(); i++) {
            if (!Scanners.own().scan(prose.substring(i, i + 30)).isEmpty()) trips++;
        }
        assertEquals(0, trips);
    }

    @Test
    void a_made_up_phrase_is_reported_unverified_only_with_seed_context() {
        String bad = "success boring concert list dry tell orbit concert learn seek dynamic vote";
        assertTrue(Scanners.own().scan(bad).isEmpty());
        var f = Scanners.own().scan("my metamask seed phrase:\n" + bad);
        assertEquals(1, f.size());
        assertEquals(io.tidewatch.core.Severity.HIGH, f.get(0).severity());
        assertTrue(f.get(0).reason().contains("not verified"));
    }

    @Test
    void excerpt_shows_no_word_of_the_phrase() {
        String e = Redactor.maskPhrase(List.of("只", "独"));
        assertEquals("****** … (2 words)", e);
        assertEquals(e, new String(e.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
