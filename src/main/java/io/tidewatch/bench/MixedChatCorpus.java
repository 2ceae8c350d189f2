package io.tidewatch.bench;

import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A reproducible mixed chat corpus for speed measurements (the {@code bench} command and the JMH
 * benchmark share it): mostly ordinary exchange-community chat in Chinese and English, some
 * tricky non-secrets (tx hashes, addresses, order ids, prices) and a few percent leaks.
 * {@link #posts} wraps such texts into whole posts of a community group: authors who post again and
 * again, joins, staff, links, mentions, impersonators and scam bait, for measuring the whole scan path.
 */
public final class MixedChatCorpus {
    private static final String[] EN = {
        "gm everyone, how is the market today?", "when will the new listing go live?",
        "my withdrawal has been pending for 2 hours, any idea why?", "thanks admin, problem solved",
        "is the app down for anyone else? cannot log in since this morning", "BTC looking strong above 97k",
        "how do I enable 2FA on my account", "does anyone know the fee for USDT on TRC20?",
        "I lost money on that futures trade, lesson learned", "please check my ticket, it has been 3 days",
        "what is the minimum deposit for the launchpad?", "lol this chart is crazy",
        "can I change the email on my account? support said to ask here",
        "the P2P merchant has not released my coins yet", "never share your seed phrase with anyone!",
        "where can I find the API documentation?", "the staking rewards arrived, thanks team",
        "is there a referral bonus this month?", "KYC verification keeps failing with my passport photo",
        "happy new year to the whole community 🎉",
    };
    private static final String[] ZH = {
        "大家好，今天行情怎么样？", "提币两个小时了还没到账，怎么回事", "新币什么时候上线？",
        "谢谢管理员，问题解决了", "APP是不是挂了，登录不上", "请问TRC20提USDT手续费多少",
        "合约爆仓了，心态崩了", "客服工单三天没人回复", "怎么开启谷歌验证", "有人知道理财收益什么时候发吗",
        "实名认证一直失败，护照照片上传不了", "注意防骗，官方不会私聊你", "这波行情太猛了",
        "C2C商家一直不放币怎么办", "邀请返佣这个月还有吗", "祝大家新年快乐，一起发财",
        "充值到账了，感谢", "网格交易怎么设置", "有没有人一起研究一下链上数据", "官方公告在哪里看",
    };
    private static final String[] TRICKY = {
        "txid 0x04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e7d still not confirmed",
        "充值地址 0x430074cc11bfee80e58917a88610bebc7940cf13 对吗",
        "https://etherscan.io/tx/0x8a7d2c1e9f4b3a6d5c8e7f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
        "order id 2024112512345678 pending", "订单号 202411250001234567 提现失败",
        "my UID 48213377", "BTC 97,250.50 ETH 3,412.18", "send to TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "error code 100012", "交易哈希 04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e7d",
    };
    private static final String[] LEAKS = {
        "my password is Tide#2024 pls help", "我的登录密码是abc778899，帮我看看",
        "seed: fancy muffin offer equal scorpion harsh caught arm never jar cake hire",
        "api key: 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b secret: 5516CDF2F8B8657666BEF215B9282BFE passphrase: Moon2024!",
        "私钥 0x3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a78",
        "token ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg", "验证码 482913", "2fa backup key EADSNF7HO7HKOJM4",
    };

    private static final String[] LINKS = {
        "https://www.example.com/help/withdrawals", "https://etherscan.io/tx/0x8a7d2c1e9f4b3a6d5c8e7f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
        "https://t.me/ExampleExchange", "https://x.com/ExampleEx/status/1850000000000000001", "https://tronscan.org/#/address/TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "https://www.coingecko.com/en/coins/bitcoin", "https://www.example.com/support/chat", "https://github.com/ccxt/ccxt/issues/24123",
    };
    private static final String[] PHISHING = {
        "https://examp1e.com/secure", "https://example-support.com/verify", "exex-support.com", "https://www.example-login.com/verify",
        "t.me/ExEx_Support_Bot", "https://example.com.secure-login.ru/wallet",
    };
    private static final String[] SCAM = {
        "DM me for support", "Having a withdrawal problem? DM me, I will help you", "有问题私信我处理", "提现问题私聊我帮你解决",
        "Contact our admin @exex_helpdesk_247 to fix it", "加我微信 helpu888 立即处理", "Send 100 USDT to verify your account",
        "转50U验证后即可提现", "Your account is frozen, click here to verify: example-verify.top", "点击链接领取空投奖励",
        "Claim your airdrop now at exex-drop.xyz", "We can assist you, just inbox me",
    };
    private static final String[] STAFF_TEXTS = {
        "Reminder: admins will never DM you first or ask for your seed phrase. Help center: https://www.example.com/help",
        "@%s please share your UID only, never your password or codes. We'll check.",
        "提醒：官方不会私聊你，也不会索要助记词和密码。客服入口 https://www.example.com/support/chat",
        "Maintenance finished, deposits and withdrawals are open again. Details: https://www.example.com/help",
    };
    private static final String[] FIRST = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Gina", "Henry", "Ivan", "Judy",
        "Kevin", "Laura", "Mike", "Nina", "Oscar", "Paul", "Quinn", "Rachel", "Steve", "Tom", "Uma", "Victor", "Wendy", "Yuki",
        "Zack", "Amir", "Priya", "Dmitri", "Olga", "Mehmet", "Ngozi", "Kenji", "Lucas", "Sofia", "Mateo", "Chloe"};
    private static final String[] LAST = {"", "", " K.", " Smith", " 🚀", " | BTC maxi", " Nguyen", " Ivanov", " 🐋", " Tan"};
    private static final String[] ZH_FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "孙", "林", "高", "郭"};
    private static final String[] ZH_GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "华", "琪", "浩然", "子涵", "梓萱", "一诺"};
    private static final String[] PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "sun", "lin", "gao", "guo"};
    private static final String[][] IMPOSTORS = {
        {"Example Exchange Support", "ExampleEx_Support"}, {"ExEx Suppοrt", "ExEx_Supp0rt"}, {"示例交易所 官方客服", "exex_kefu"},
        {"ExampIe Exchange", "ExampIe_Exchange"}, {"Anna | Example Exchange", "exex_mod_anna_"}, {"ExEx Admin", "exex_admin_desk"},
        {"Example Exchange 🎁 Giveaway", "ExEx_Giveaway"}, {"E x E x Help Desk", "exex_helpdesk_247"},
    };
    /** Active members of the simulated group; who posts follows a steep curve, as in real groups. */
    private static final int MEMBERS = 20_000;
    private static final Author OFFICIAL = new Author("5000000001", "ExampleExchange", "Example Exchange");
    private static final Author STAFF = new Author("5000000101", "exex_mod_anna", "Anna | Example Exchange");
    private static final Instant START = Instant.parse("2025-11-25T00:00:00Z");

    private MixedChatCorpus() {}

    /**
     * {@code n} posts of one Telegram group from a fixed seed, per 1,000: ~20 joins (names judged), ~15 by
     * official or staff accounts (trusted by id), ~5 by impostor accounts (imitating names; scam bait or
     * phishing links), ~5 scam bait by ordinary-looking members, ~10 leaks, ~50 tricky non-secrets, ~45 with
     * a link (a few to lookalike domains), ~50 starting with a mention; the rest ordinary zh/en chat. Lazy:
     * a stream of millions of posts holds one post at a time.
     */
    public static Stream<Post> posts(long n, long seed) {
        Random rnd = new Random(seed);
        return LongStream.rangeClosed(1, n).mapToObj(i -> post(i, rnd)); // sequential: one generator, in order
    }

    private static Post post(long i, Random rnd) {
        String id = "m" + i;
        Instant time = START.plusSeconds(i * 7);
        int roll = rnd.nextInt(1000);
        if (roll < 20) return new Post(id, Platform.TELEGRAM, PostKind.JOIN, "-1001000000002", time,
                rnd.nextInt(10) == 0 ? impostor(rnd) : member(rnd.nextInt(MEMBERS * 4)), "");
        Author author;
        String text;
        if (roll < 35) {
            author = rnd.nextInt(4) == 0 ? OFFICIAL : STAFF;
            text = String.format(STAFF_TEXTS[rnd.nextInt(STAFF_TEXTS.length)], member(activeMember(rnd)).username());
        } else if (roll < 40) {
            author = impostor(rnd);
            text = rnd.nextBoolean() ? pick(SCAM, rnd) : "Verify your wallet here " + pick(PHISHING, rnd) + " within 24 hours";
        } else {
            author = member(activeMember(rnd));
            if (roll < 45) text = pick(SCAM, rnd);
            else if (roll < 55) text = pick(LEAKS, rnd);
            else if (roll < 105) text = pick(TRICKY, rnd);
            else text = chat(rnd);
            if (roll >= 105 && roll < 150) text += " " + (rnd.nextInt(15) == 0 ? pick(PHISHING, rnd) : pick(LINKS, rnd));
            else if (roll >= 150 && roll < 200) text = "@" + member(activeMember(rnd)).username() + " " + text;
        }
        return new Post(id, Platform.TELEGRAM, PostKind.GROUP, "-1001000000002", time, author, text);
    }

    private static String chat(Random rnd) {
        if (rnd.nextInt(100) < 52) return pick(EN, rnd) + (rnd.nextBoolean() ? " " + pick(EN, rnd) : "");
        return pick(ZH, rnd) + (rnd.nextBoolean() ? pick(ZH, rnd) : "");
    }

    /** A member index: a few members write most posts (the top 1% about a fifth of them). */
    private static int activeMember(Random rnd) {
        double u = rnd.nextDouble();
        return (int) (MEMBERS * u * u * u);
    }

    /** Member {@code k}'s account, the same every time: an id, a username and a zh or en display name. */
    static Author member(int k) {
        Random r = new Random(k * 0x9E3779B97F4A7C15L);
        String id = Long.toString(7_000_000_000L + k * 7919L);
        if (r.nextInt(100) < 45) {
            int f = r.nextInt(ZH_FAMILY.length);
            return new Author(id, r.nextInt(5) == 0 ? null : PINYIN[f] + k, ZH_FAMILY[f] + pick(ZH_GIVEN, r));
        }
        String first = pick(FIRST, r);
        return new Author(id, r.nextInt(6) == 0 ? null : first.toLowerCase(java.util.Locale.ROOT) + "_" + k, first + pick(LAST, r));
    }

    private static Author impostor(Random rnd) {
        int k = rnd.nextInt(IMPOSTORS.length * 5);
        String[] names = IMPOSTORS[k % IMPOSTORS.length];
        return new Author(Long.toString(8_100_000_000L + k), names[1] + (k >= IMPOSTORS.length ? k : ""), names[0]);
    }

    private static String pick(String[] options, Random rnd) { return options[rnd.nextInt(options.length)]; }

    /** {@code n} messages from a fixed seed: ~47% English, ~43% Chinese, ~6% tricky non-secrets, ~4% leaks. */
    public static List<String> generate(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int roll = rnd.nextInt(100);
            String msg;
            if (roll < 4) msg = LEAKS[rnd.nextInt(LEAKS.length)];
            else if (roll < 10) msg = TRICKY[rnd.nextInt(TRICKY.length)];
            else if (roll < 57) msg = EN[rnd.nextInt(EN.length)] + (rnd.nextBoolean() ? " " + EN[rnd.nextInt(EN.length)] : "");
            else msg = ZH[rnd.nextInt(ZH.length)] + (rnd.nextBoolean() ? ZH[rnd.nextInt(ZH.length)] : "");
            out.add(msg);
        }
        return out;
    }
}
