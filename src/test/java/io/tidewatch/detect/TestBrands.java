package io.tidewatch.detect;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfile.Account;
import io.tidewatch.core.BrandProfile.Accounts;
import io.tidewatch.core.BrandProfile.Brand;

import java.util.List;
import java.util.Map;

/** Brand profiles of several exchanges, so no test (and no rule) is tuned to the sample brand alone. */
public final class TestBrands {
    private TestBrands() {}

    public static BrandProfile profile(String name, List<String> aliases, List<String> domains,
                                       List<Account> official, List<Account> staff) {
        return new BrandProfile(new Brand(name, aliases, domains), new Accounts(official, List.of()),
                new Accounts(staff, List.of()), null, null);
    }

    public static Account account(long id, String username, String name) {
        return new Account(Long.toString(id), username, name);
    }

    public static final BrandProfile EXAMPLE = profile("Example Exchange", List.of("ExEx", "示例交易所"), List.of("example.com"),
            List.of(account(5000000001L, "ExampleExchange", "Example Exchange")),
            List.of(account(5000000101L, "exex_mod_anna", "Anna | Example Exchange")));

    public static final BrandProfile BINANCE = profile("Binance", List.of("币安"), List.of("binance.com", "binance.us"),
            List.of(account(100, "binance", "Binance"), account(101, "BinanceExchange", "Binance Exchange")),
            List.of(account(110, "cz_binance_mod", "Lucy | Binance Support")));

    public static final BrandProfile OKX = profile("OKX", List.of("OKEx", "欧易"), List.of("okx.com", "okex.com"),
            List.of(account(200, "OKXOfficial_English", "OKX")),
            List.of(account(210, "okx_mod_leo", "Leo | OKX")));

    public static final BrandProfile KRAKEN = profile("Kraken", List.of("Kraken Exchange"), List.of("kraken.com"),
            List.of(account(300, "krakenfx", "Kraken")),
            List.of(account(310, "kraken_dan", "Dan (Kraken Support)")));

    public static final BrandProfile BYBIT = profile("Bybit", List.of(), List.of("bybit.com"),
            List.of(account(400, "Bybit_Official", "Bybit")),
            List.of(account(410, "bybit_helen", "Helen | Bybit")));

    public static final BrandProfile COINBASE = profile("Coinbase", List.of("Coinbase Exchange"), List.of("coinbase.com"),
            List.of(account(500, "coinbase", "Coinbase")), List.of());

    public static final BrandProfile KUCOIN = profile("KuCoin", List.of("库币"), List.of("kucoin.com"),
            List.of(account(600, "kucoin_exchange", "KuCoin")), List.of());

    public static final Map<String, BrandProfile> ALL = Map.of("example", EXAMPLE, "binance", BINANCE, "okx", OKX,
            "kraken", KRAKEN, "bybit", BYBIT, "coinbase", COINBASE, "kucoin", KUCOIN);
}
