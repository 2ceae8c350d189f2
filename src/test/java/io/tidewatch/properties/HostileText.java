package io.tidewatch.properties;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random text of the kinds that break text code: any UTF-16 unit (lone surrogates included), bidi
 * and zero-width controls inside Latin, Cyrillic and CJK, messages up to and past Telegram's 4,096
 * characters, long runs of one character or pair, and soups of the fragments the detectors look for.
 * Seeded: a failing case is reproduced by its seed.
 *
 * <p>Generated here rather than with a property-testing engine: jqwik, the JUnit Platform one, asks
 * since 1.10 not to be used by AI coding agents, which write much of this code base.
 */
public final class HostileText {
    /** Runs the cases of one property: the seed comes from {@code -Dtidewatch.seed} or is new each run. */
    public static long seed() {
        String fixed = System.getProperty("tidewatch.seed");
        return fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
    }

    /** How many cases a property runs: {@code -Dtidewatch.cases}, or {@code normal}. */
    public static int cases(int normal) {
        return Integer.getInteger("tidewatch.cases", normal);
    }

    static final String BIDI_AND_ZERO_WIDTH = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff";
    static final String LATIN = "abcdexyzEXAMPLE0123456789 .@/:-_";
    static final String LOOKALIKES = "еxаmрlеοіѕ";
    static final String CJK = "示例交易所客服私信充值提币。，";
    static final List<String> UNITS = List.of("@", "<", ">", "a", ".", "a.", "-", "/", ":", "0", "1", " ", "\n", "*", "_", "[",
            "(", "\\", "'", "\"", "&", "#", "=", "+", "中", "\u200b", "\u202e", "\uD83D\uDE00", "\uD800", "\uDC00", "@a", "a@",
            "<a", "x ", "ab", "0x", "://", "www.", "。", "．", "|", "~", "`");
    static final List<String> FRAGMENTS = List.of("https://", "http://", "hxxps://", "www.", "t.me/", "x.com/", "example.com",
            "examp1e.com", "exampIe.com", "еxample.com", "example.com.evil.io", "xn--exmple-cua.com", "@", "@exex_support",
            "@ExampleExchange", "0x", "3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
            "abandon", "ability", "zoo", "wallet", "seed", "phrase", "private key", "password", "is", ":", "密码", "助记词", "私钥",
            "DM me", "support", "客服", "私信我", "refund", "verify", "airdrop", "ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg",
            "AKIAAFQFJZCZBTTOFJYU", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "7212345678:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0",
            "-----BEGIN PRIVATE KEY-----", "4111 1111 1111 1111", "110101199003078515", "JBSWY3DPEHPK3PXP", "xprv9s21ZrQH143K",
            "\u202e", "\u200b", "\uD800", "\uDC00", "😀", "🇨🇳", "é", "e\u0301", "。", "．", "=", "|", "*", "<b>", "&amp;", "\\");
    static final List<String> FIXED = List.of("a.".repeat(4000), "@".repeat(4096), "<".repeat(4096), "@a".repeat(2048),
            "0x" + "f".repeat(4094), "abandon ".repeat(512), "密码".repeat(2048), "https://" + "a.".repeat(2040),
            "\uD800".repeat(4096), "\uDC00\uD800".repeat(2048), "", " ", "\u202e", "\uD83D");

    private final SplittableRandom random;

    public HostileText(long seed) { this.random = new SplittableRandom(seed); }

    public SplittableRandom random() { return random; }

    /** A message of a randomly chosen kind. */
    public String message() {
        return switch (random.nextInt(16)) {
            case 0, 1, 2 -> anyUnits(random.nextInt(301));
            case 3, 4 -> anyUnits(3500 + random.nextInt(597));
            case 5, 6, 7 -> mixed(random.nextInt(4097));
            case 8, 9, 10, 11, 12 -> soup();
            case 13, 14 -> run();
            default -> pick(FIXED);
        };
    }

    /** A display name or username, ordinary to hostile (Telegram allows 64 characters; exports and tests may hold more). */
    public String name() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> pick(List.of("Anna | Example Exchange", "Example Exchange Support", "ЕхЕх Suppοrt", "示例交易所客服",
                    "exex_mod_anna", "ExampleExchange", "ExEx_Support"));
            case 2 -> anyUnits(random.nextInt(65));
            case 3 -> mixed(random.nextInt(129));
            case 4 -> String.valueOf(pick(List.of("@", ".", "a", "\u200b", "\u202e", "е", "0"))).repeat(1 + random.nextInt(4096));
            default -> join(1 + random.nextInt(4));
        };
    }

    /** {@code n} UTF-16 units, each any value from U+0000 to U+FFFF: unpaired surrogates come up often. */
    public String anyUnits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            // half the time from the low planes people type, else anything (controls, surrogates, private use)
            b.append(random.nextBoolean() ? (char) random.nextInt(0x3000) : (char) random.nextInt(0x10000));
        }
        return b.toString();
    }

    /** Bidi and zero-width controls among Latin, look-alike Cyrillic and CJK characters. */
    public String mixed(int n) {
        String[] pools = {BIDI_AND_ZERO_WIDTH, LATIN, LOOKALIKES, CJK};
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            String pool = pools[random.nextInt(pools.length)];
            b.append(pool.charAt(random.nextInt(pool.length())));
        }
        return b.toString();
    }

    /** One character or two-character unit repeated up to 4,096 characters. */
    public String run() {
        String unit = pick(UNITS);
        return unit.repeat(1 + random.nextInt(4096 / unit.length()));
    }

    /** Detector fragments and random bits joined by one separator, at most 4,096 characters. */
    public String soup() {
        String s = join(random.nextInt(601));
        return s.length() > 4096 ? s.substring(0, 4096) : s;
    }

    private String join(int parts) {
        String sep = pick(List.of("", " ", "\n", ".", "@", "/"));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) b.append(sep);
            b.append(random.nextInt(4) == 0 ? anyUnits(random.nextInt(9)) : pick(FRAGMENTS));
        }
        return b.toString();
    }

    public <T> T pick(List<T> options) { return options.get(random.nextInt(options.size())); }

    /** A short, printable description of a text for a failure message (never the whole of it). */
    public static String describe(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) b.appendCodePoint(cp);
            else b.append(String.format("\\u%04x", cp));
        });
        return s.length() + " chars: \"" + b + (s.length() > 40 ? "…" : "") + "\"";
    }
}
