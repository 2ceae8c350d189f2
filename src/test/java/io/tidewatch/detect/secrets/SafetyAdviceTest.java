package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Safety advice is never a leak: thousands of zh/en warnings ("千万不要把助记词告诉任何人", "never share
 * your recovery phrase"), generated from parts, also with runs of real wordlist words or characters
 * pushed into them (most common Chinese characters are on the BIP-39 list, so a sentence is a run of
 * list words whose 12-character windows pass the 4-bit checksum one time in 16), spaced out letter by
 * letter, numbered and split over lines.
 */
class SafetyAdviceTest {
    static final String[] ZH_OPENERS = {"", "请", "大家", "各位用户，", "温馨提示：", "提醒：", "重要：", "官方提醒：", "【安全提示】", "再次提醒，",
        "新人注意：", "公告：", "管理员提醒大家，", "记住：", "安全第一：", "注意！", "⚠️", "友情提示，"};
    static final String[] ZH_NEGATIONS = {"不要", "千万不要", "千万别", "切勿", "请勿", "绝对不要", "永远不要", "别", "不要轻易", "任何情况下都不要",
        "无论如何都不能", "绝不能", "不可以", "千万不能"};
    static final String[] ZH_ACTIONS = {"把助记词告诉任何人", "向任何人透露你的助记词", "截图保存助记词", "把私钥和助记词发给客服", "在网站上输入助记词",
        "相信私聊你的客服", "把助记词存在手机相册里", "把助记词发到群里", "泄露助记词", "点击陌生链接导入钱包", "把恢复短语给别人看",
        "把12个助记词拍照发给别人", "在聊天里发送你的助记词和密码", "把钱包密码告诉自称管理员的人", "把验证码转发给别人", "把谷歌验证码告诉客服",
        "用微信保存助记词", "把助记词写在网盘里", "在陌生网站导入助记词领取空投", "把助记词抄给任何所谓的技术支持"};
    static final String[] ZH_TAILS = {"", "。", "，官方客服不会向你索要助记词。", "，任何索要助记词的人都是骗子！", "，否则资产会被盗。", "，丢失后无法找回。",
        "，谨防诈骗。", "！！！", "，管理员永远不会私聊你。", "，一旦泄露钱包里的币就没了。", "，有问题请在官网提交工单。"};
    static final String[] ZH_STATEMENTS = {"助记词一旦泄露资产就会被盗走请务必离线保存好", "请把助记词抄在纸上并妥善保管", "助记词：一定要手抄在纸上，不要截图",
        "什么是助记词？助记词是由十二个或二十四个单词组成的，用来恢复你的钱包", "助记词就是你的钱包，谁拿到助记词谁就能转走你的资产",
        "官方客服不会在任何情况下向你索要助记词私钥或者验证码", "如果有人让你提供助记词，那他一定是骗子", "助记词和私钥只能自己保管，交易所也无法帮你找回",
        "我的助记词被骗子骗走了，钱包里的币全没了，大家一定要小心", "助记词丢了还能找回吗？不能，所以请一定备份好", "备份助记词的时候要确保周围没有摄像头",
        "钱包的恢复短语请抄在纸上放在安全的地方不要存在电脑里", "助记词要按顺序抄写，抄完以后再核对一遍"};

    static final String[] EN_OPENERS = {"", "Reminder: ", "PSA: ", "Important: ", "Please ", "Guys, ", "Admins here: ", "Security tip: ", "Warning! ",
        "For everyone new: ", "Again: ", "Remember, ", "Heads up, ", "⚠️ "};
    static final String[] EN_NEGATIONS = {"never", "don't", "do not", "never ever", "don't ever", "you should never", "please never", "no one should"};
    static final String[] EN_ACTIONS = {"share your recovery phrase with anyone", "give your seed phrase to anybody", "type your 12 words into a website",
        "send your mnemonic to support", "post your secret recovery phrase in this chat", "store your seed words in a screenshot",
        "tell anyone your wallet words", "paste your private key or seed into a form", "share your 2FA code, not even with admins",
        "enter your backup phrase on a site someone DMed you", "hand your recovery words to a stranger claiming to be support",
        "reveal your seed phrase, real support will never ask for it", "save your mnemonic in the cloud", "import your seed into an airdrop site"};
    static final String[] EN_TAILS = {"", ".", "!", ", not even to us.", ". Anyone asking for it is a scammer.", ". Real support will never DM you first.",
        ", whoever has it owns your funds.", ". Stay safe.", "!!!", ", write it on paper and keep it offline."};
    static final String[] EN_STATEMENTS = {"Your recovery phrase is the only way to restore your wallet, keep it offline",
        "What is a seed phrase? It is a list of 12 or 24 words that backs up your wallet",
        "Anyone who has your seed phrase can take all of your crypto, so keep it secret",
        "Support will never ask for your recovery phrase, private key or 2FA codes",
        "I lost everything because I typed my seed phrase into a fake site, be careful",
        "Write your 24 words on paper, check the order twice and store them somewhere safe",
        "If someone asks for your wallet words, block and report them"};

    static List<String> advice(Random rnd, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                out.add(rnd.nextInt(5) == 0 ? pick(rnd, ZH_STATEMENTS)
                        : pick(rnd, ZH_OPENERS) + pick(rnd, ZH_NEGATIONS) + pick(rnd, ZH_ACTIONS) + pick(rnd, ZH_TAILS));
            } else {
                String s = rnd.nextInt(5) == 0 ? pick(rnd, EN_STATEMENTS)
                        : pick(rnd, EN_OPENERS) + pick(rnd, EN_NEGATIONS) + " " + pick(rnd, EN_ACTIONS) + pick(rnd, EN_TAILS);
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The same advice with real list words pushed in at a random place: 3-14 Chinese characters
     * (unspaced, inline, as a sentence), or 3-11 English words such that no run of 12 list words in a
     * row results (twelve list words in a row are a list, not advice).
     */
    static String withListWords(Random rnd, String advice) {
        for (int attempt = 0; ; attempt++) {
            String s = insert(rnd, advice);
            if (longestEnglishRun(s) < 12 || attempt > 50) return s;
        }
    }

    static int longestEnglishRun(String s) {
        int best = 0, run = 0;
        for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            run = Bip39Wordlist.ENGLISH.indexOf(w) >= 0 ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static String insert(Random rnd, String advice) {
        boolean zh = advice.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        int k = 3 + rnd.nextInt(zh ? 12 : 9);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < k; i++) {
            if (zh) words.append(Words.CHINESE.get(rnd.nextInt(2048)));
            else words.append(' ').append(Words.ENGLISH.get(rnd.nextInt(2048)));
        }
        if (zh) {
            int at = rnd.nextInt(advice.length() + 1);
            return advice.substring(0, at) + words + advice.substring(at);
        }
        String[] parts = advice.split(" ");
        int at = rnd.nextInt(parts.length + 1);
        List<String> list = new ArrayList<>(List.of(parts));
        list.add(at, words.toString().strip());
        return String.join(" ", list);
    }

    @Test
    void no_generated_safety_advice_is_a_leak() {
        Random rnd = new Random(7);
        List<String> texts = new ArrayList<>();
        for (String a : advice(rnd, 3000)) {
            texts.add(a);
            texts.add(withListWords(rnd, a));
            texts.add(withListWords(rnd, withListWords(rnd, a)));
        }
        // spaced out to dodge filters, numbered, one per line
        for (String a : advice(rnd, 300)) {
            texts.add(String.join(" ", a.split("")));
            texts.add(String.join("\n", a.split("")));
            texts.add(String.join("，", a.split("")));
        }
        List<String> alarms = new ArrayList<>();
        for (String t : texts) {
            List<Finding> f = Scanners.own().scan(t);
                if (!f.isEmpty()) alarms.add(f.get(0).rule() + ": " + t.replace("\n", "⏎"));
        }
        System.out.printf("safety advice: %d texts (zh and en, with list words pushed in), %d alarms%n", texts.size(), alarms.size());
        assertTrue(texts.size() >= 9000);
        assertEquals(List.of(), alarms.subList(0, Math.min(20, alarms.size())));
    }

    private static String pick(Random rnd, String[] a) { return a[rnd.nextInt(a.length)]; }
}
