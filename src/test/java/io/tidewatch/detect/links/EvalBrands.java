package io.tidewatch.detect.links;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.TestBrands;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real brand profiles (names, aliases, domains the exchanges use) the link evaluation on published
 * phishing lists judges against. Domains are the ones the exchanges serve their sites and apps from,
 * plus those MetaMask's eth-phishing-detect whitelists as theirs (binance.cloud, binance.vision…).
 */
final class EvalBrands {
    private EvalBrands() {}

    static final Map<String, BrandProfile> ALL = new TreeMap<>(Map.of(
            "binance", brand("Binance", List.of("币安"),
                    List.of("binance.com", "binance.us", "binance.org", "binance.cloud", "binance.vision", "binance.net", "binance.co")),
            "coinbase", brand("Coinbase", List.of(), List.of("coinbase.com")),
            "kraken", brand("Kraken", List.of(), List.of("kraken.com")),
            "kucoin", brand("KuCoin", List.of("库币"), List.of("kucoin.com")),
            "bybit", brand("Bybit", List.of(), List.of("bybit.com")),
            "okx", brand("OKX", List.of("OKEx", "欧易"), List.of("okx.com", "okex.com")),
            "mexc", brand("MEXC", List.of("MEXC Global"), List.of("mexc.com")),
            "ftx", brand("FTX", List.of(), List.of("ftx.com", "ftx.us"))));

    private static BrandProfile brand(String name, List<String> aliases, List<String> domains) {
        return TestBrands.profile(name, aliases, domains, List.of(), List.of());
    }
}
