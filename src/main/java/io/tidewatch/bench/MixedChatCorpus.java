package io.tidewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible mixed chat corpus for speed measurements (the {@code bench} command and the JMH
 * benchmark share it): mostly ordinary exchange-community chat in Chinese and English, some
 * tricky non-secrets (tx hashes, addresses, order ids, prices) and a few percent leaks.
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

    private MixedChatCorpus() {}

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
