package io.tidewatch.detect.links;

import java.util.List;
import java.util.Map;

/** Hand-written labeled domains: real-world-style phishing per brand, and real sites of other companies. */
final class DomainCases {
    private DomainCases() {}

    /** brand -> phishing domains in the styles seen in the wild (not generated). */
    static final Map<String, List<String>> PHISHING = Map.of(
            "binance", List.of("binance-support.com", "binance.com-login.info", "secure-binance.net", "binance-verify.org",
                    "binanceus-login.com", "binance-wallet.app", "binаnce.com", "xn--binnce-2ve.com", "blnance.com",
                    "binance.com.security-check.ru", "bnance.com", "binancee.com", "binnance.io", "binance.kyc-update.top",
                    "mybinance-app.net", "binance-airdrop.xyz", "biinance.com", "binamce.com"),
            "okx", List.of("0kx.com", "okx-support.com", "okx-web3.com", "okxwallet.app", "okx.com-security.top", "okx.net",
                    "okx.login-verify.xyz", "okkx.com", "support-okx.com", "okx-airdrop.org", "okex-app.net", "оkх.com",
                    "o-kx.com", "okxsupport.io", "www.okx-login.com"),
            "kraken", List.of("kraken-login.com", "krakenn.com", "kraaken.com", "kraken.com.auth-verify.ru", "krakem.com",
                    "kraken-support.net", "krakn.com", "kracken.com", "kraken.help-desk.site", "krakenwallet.io"),
            "bybit", List.of("bybit-airdrop.xyz", "bybitglobal.net", "bybit.com.support-center.live", "bybti.com", "bybit.co",
                    "by-bit.com", "8ybit.com", "bybitt.com", "bybit-kyc.com", "bуbit.com"),
            "coinbase", List.of("coinbase-wallet-verify.com", "coinbasepro-login.com", "coinbase.help-desk.site", "cóinbase.com",
                    "coinbasse.com", "c0inbase.com", "coinbase-recovery.org", "coinbsae.com", "coinbase.com.secure-login.ru",
                    "coinbase.support"),
            "kucoin", List.of("kucoin-support.net", "kucoin.claims-airdrop.top", "kucoinn.com", "kuc0in.com", "ku-coin.com",
                    "kucoin.app", "kucion.com", "login-kucoin.com"),
            "example", List.of("example-support.com", "support-example.com", "example.com.secure-login.ru",
                    "example.login-verify.xyz", "exex-support.com", "exarnple.com", "examp1e.net", "exampleexchange.app"));

    /** Real domains of other companies and sites people share: none imitates any test brand. */
    static final List<String> REAL_SITES = List.of(
            "google.com", "youtube.com", "facebook.com", "instagram.com", "whatsapp.com", "x.com", "twitter.com", "wikipedia.org",
            "yahoo.com", "amazon.com", "amazon.co.uk", "netflix.com", "linkedin.com", "reddit.com", "bing.com", "live.com",
            "office.com", "microsoft.com", "apple.com", "icloud.com", "tiktok.com", "baidu.com", "qq.com", "weibo.com",
            "taobao.com", "tmall.com", "jd.com", "alipay.com", "aliexpress.com", "alibaba.com", "sohu.com", "163.com",
            "zhihu.com", "bilibili.com", "douyin.com", "csdn.net", "ok.ru", "vk.com", "mail.ru", "yandex.ru", "box.com",
            "okta.com", "oxo.com", "dropbox.com", "zoom.us", "slack.com", "notion.so", "github.com", "gitlab.com",
            "stackoverflow.com", "medium.com", "quora.com", "pinterest.com", "tumblr.com", "twitch.tv", "discord.com",
            "spotify.com", "soundcloud.com", "imdb.com", "cnn.com", "bbc.co.uk", "bbc.com", "nytimes.com", "theguardian.com",
            "washingtonpost.com", "forbes.com", "bloomberg.com", "reuters.com", "wsj.com", "ft.com", "cnbc.com",
            "coindesk.com", "cointelegraph.com", "theblock.co", "decrypt.co", "coinmarketcap.com", "coingecko.com",
            "tradingview.com", "etherscan.io", "bscscan.com", "blockchain.com", "bitcoin.org", "ethereum.org",
            "metamask.io", "trustwallet.com", "ledger.com", "trezor.io", "uniswap.org", "aave.com", "curve.fi",
            "opensea.io", "chain.link", "polygon.technology", "solana.com", "avax.network", "near.org", "cardano.org",
            "tether.to", "circle.com", "paypal.com", "stripe.com", "visa.com", "mastercard.com", "wise.com", "revolut.com",
            "chase.com", "bankofamerica.com", "wellsfargo.com", "citi.com", "hsbc.com", "barclays.co.uk", "ing.com",
            "ebay.com", "walmart.com", "target.com", "bestbuy.com", "ikea.com", "nike.com", "adidas.com", "zara.com",
            "booking.com", "airbnb.com", "expedia.com", "tripadvisor.com", "uber.com", "lyft.com", "doordash.com",
            "adobe.com", "salesforce.com", "oracle.com", "ibm.com", "intel.com", "amd.com", "nvidia.com", "samsung.com",
            "sony.com", "lg.com", "huawei.com", "xiaomi.com", "oppo.com", "vivo.com", "oneplus.com", "lenovo.com",
            "dell.com", "hp.com", "cloudflare.com", "akamai.com", "fastly.com", "digitalocean.com", "heroku.com",
            "vercel.com", "netlify.com", "wordpress.com", "wix.com", "squarespace.com", "shopify.com", "godaddy.com",
            "namecheap.com", "telegram.org", "t.me", "signal.org", "wechat.com", "line.me", "kakao.com", "naver.com",
            "okcupid.com", "oxford.ac.uk", "ox.ac.uk", "bitly.com", "bit.ly",
            "kickstarter.com", "kaggle.com", "kayak.com", "kohls.com", "kraftheinz.com", "krispykreme.com", "kucing.id",
            "coinbene.org", "coin.space", "basecamp.com", "bybee.com.au", "byu.edu", "bing.net", "finance.yahoo.com",
            "bitfinex.com", "bitstamp.net", "gemini.com", "gate.io", "htx.com", "mexc.com", "bitget.com", "crypto.com",
            "upbit.com", "bithumb.com", "deribit.com", "exmo.com", "examine.com", "sample.com", "exploit-db.com",
            "okayama-u.ac.jp", "oki.com", "ko-fi.com", "xbox.com", "kok.com.tw", "kx.com", "okq8.se");

    /** Short unrelated domains a Levenshtein-2 rule would flag for the 3-letter brand "okx". */
    static final List<String> SHORT_UNRELATED_FOR_OKX = List.of("ok.ru", "box.com", "okta.com", "oxo.com", "kx.com",
            "oki.com", "okq8.se", "xbox.com", "ox.ac.uk", "okc.com", "ikx.com", "oks.com");
}
