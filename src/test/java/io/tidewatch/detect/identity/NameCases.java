package io.tidewatch.detect.identity;

import java.util.List;

/** Labeled names for several brands: imitations (by brand) and ordinary names that must stay clean everywhere. */
final class NameCases {
    private NameCases() {}

    record Case(String brand, String name) {}

    static final List<Case> IMITATIONS = List.of(
            // the sample brand
            new Case("example", "ЕхЕх Suppοrt"), new Case("example", "ExEx Support"), new Case("example", "Ex\u200bEx Admin"),
            new Case("example", "\u202eExEx Support"), new Case("example", "3x3x_support"), new Case("example", "Anna | Ехаmple Exchange"),
            new Case("example", "Example Exchange 官方客服"), new Case("example", "exex_mod_anna"), new Case("example", "Examp1e Exchange ✅"),
            new Case("example", "E.x.E.x Help"), new Case("example", "示例交易所客服中心"), new Case("example", "ExampleExchange_Support"),
            // Binance
            new Case("binance", "Binance Support"), new Case("binance", "Βinance"), new Case("binance", "B1nance_Helpdesk"),
            new Case("binance", "Binanse Support"), new Case("binance", "Lucy | Binance Support"), new Case("binance", "binance_support_official"),
            new Case("binance", "币安客服"), new Case("binance", "BINANCE ✅ Official"), new Case("binance", "Bіnance"),
            new Case("binance", "Blnance Admin"), new Case("binance", "BinanceHelpDesk"), new Case("binance", "𝐁𝐢𝐧𝐚𝐧𝐜𝐞 𝐒𝐮𝐩𝐩𝐨𝐫𝐭"),
            new Case("binance", "Bin\u200cance Service"), new Case("binance", "Binance Exchange"),
            // OKX: three letters, the hard case
            new Case("okx", "OKX_Admin"), new Case("okx", "0KX Support"), new Case("okx", "ОКХ Support"), new Case("okx", "O K X 官方"),
            new Case("okx", "OKX Official ✅"), new Case("okx", "okx.helpdesk"), new Case("okx", "Leo | OKX"), new Case("okx", "OKEx Support"),
            new Case("okx", "欧易客服"), new Case("okx", "OKXsupport"), new Case("okx", "OKX"), new Case("okx", "ＯＫＸ Ｈｅｌｐ"),
            new Case("okx", "okx_mod_leo"), new Case("okx", "SupportOKX"),
            // Kraken
            new Case("kraken", "Kraken Support"), new Case("kraken", "Kr4ken Help"), new Case("kraken", "Dan (Kraken Support)"),
            new Case("kraken", "kraken_helpdesk"), new Case("kraken", "Krakken Support"), new Case("kraken", "Кraken Admin"),
            // Bybit
            new Case("bybit", "Bybit Support"), new Case("bybit", "ByBit_Official_Help"), new Case("bybit", "Bybti Support"),
            new Case("bybit", "8ybit admin"), new Case("bybit", "Helen | Bybit"), new Case("bybit", "Bуbit"), new Case("bybit", "bybit_helen"),
            // Coinbase
            new Case("coinbase", "Coinbase Support"), new Case("coinbase", "C0inbase Help"), new Case("coinbase", "Coinbsae Support"),
            new Case("coinbase", "coinbase.care"), new Case("coinbase", "Coinbase Exchange Team"), new Case("coinbase", "Coinbase"),
            // KuCoin
            new Case("kucoin", "KuCoin Support"), new Case("kucoin", "Kucoin Admin"), new Case("kucoin", "KuC0in Help Desk"),
            new Case("kucoin", "库币客服"), new Case("kucoin", "кucoin official"));

    /** Ordinary names, including names that contain a brand innocently or resemble a short one. */
    static final List<String> ORDINARY = List.of(
            "Alice", "Bob Smith", "crypto_tom", "Anna", "Leo", "Helen", "Dan", "Lucy", "Mike | Trader", "Tom loves ExEx",
            "Finance Guy", "Okay", "OK Computer", "Box Man", "Okta Admin", "Oxo", "Bybee", "Exodus", "Excel Pro", "Max",
            "Rex", "李明", "小王", "管理员小李", "Support Bot Fan", "Admin", "Team Rocket", "Customer 42", "Help me please",
            "Binary Options", "Coinbed", "Krakow Trader", "Karen", "Kevin", "Kuo Chen", "Bitcoin Maxi", "ETH Whale",
            "Satoshi", "Vitalik fan", "Official Memes", "Moderator Mia", "Dana", "Lena", "Okafor", "Oskar", "Robin",
            "Exec Assistant", "Alex Ex", "Sam_2024", "john.doe", "Пётр", "Ирина", "Δημήτρης", "山田太郎", "Nguyễn Văn A",
            "Bob | Trader", "Anna Smith", "Leo Messi Fan", "Helen of Troy", "Dan the Man", "trader_joe", "moon_boy_99",
            "OKC Thunder", "Kucing", "Coin Collector", "Base Camp", "Binh Nguyen", "Kraft Dinner", "Bybee Lane");
}
