package io.tidewatch.detect.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Structural checks a candidate secret must pass before it counts, named in rule files with
 * {@code validator = "..."}. Checksums turn "looks like" into "is": a Luhn-valid card number,
 * a Base58Check-valid WIF key, a resident ID whose check digit holds.
 */
public enum SecretValidator {
    /** Payment card numbers (separators allowed). */
    LUHN("luhn"),
    /** Chinese resident ID (GB 11643): 18 chars (split 6-8-4 or not), valid birth date, ISO 7064 MOD 11-2 check digit. */
    CN_ID("cn-id"),
    /** Any Base58Check string. */
    BASE58CHECK("base58check"),
    /** Wallet Import Format private key: Base58Check, version 0x80 (mainnet) or 0xEF (testnet), 32 bytes (+0x01 compressed). */
    WIF("wif"),
    /** BIP-32 extended private key (xprv/tprv/yprv/zprv...): Base58Check, 78 bytes, key data starts with 0x00. */
    XPRV("xprv"),
    /** RFC 4648 base32 of at least 80 bits (authenticator backup keys); spaces ignored. */
    BASE32("base32"),
    /** A stated password: not a placeholder or an everyday word that follows "password is". */
    PASSWORD("password"),
    /** 32 bytes of hex that is not a trivial repeat (private keys). */
    HEX_KEY("hex-key"),
    /** A password stated without "is"/":" ("密码abc12345"): must look like one, with letters and digits or symbols. */
    STRONG_PASSWORD("strong-password"),
    /** A token nobody writes in prose: upper and lower case, a digit and a symbol, 8-40 chars, no URL, path or code. */
    RANDOM_TOKEN("random-token"),
    /** A Solana secret key: 64 bytes (Base58, or a JSON array of 64 integers) whose second half is the public key of the first. */
    ED25519_KEYPAIR("ed25519-keypair"),
    /**
     * Base58 of exactly 64 bytes: a Solana secret key's size (addresses are 32 bytes); a transaction signature has it
     * too, so a rule using it must name a key and veto signature words.
     */
    BASE58_64_BYTES("base58-64-bytes"),
    /** India's Aadhaar number: 12 digits, Verhoeff check digit. */
    AADHAAR("aadhaar"),
    /**
     * Ends in a US bank routing (ABA) number, the span's last 9 chars (a rule captures "account … routing N" whole, so
     * the account is masked too): a Federal Reserve prefix (00-12, 21-32, 61-72, 80), weights 3 7 1 repeated, sum a
     * multiple of 10.
     */
    ABA_ROUTING("aba-routing"),
    /** Taiwan national ID: a letter, 1 or 2 (8 or 9 for residents), 8 digits, weighted check digit. */
    TW_ID("tw-id"),
    /** Hong Kong identity card: one or two letters, 6 digits, MOD 11 check digit (0-9 or A), brackets optional. */
    HKID("hkid"),
    /** Singapore NRIC/FIN (S, T, F, G, M series): a letter, 7 digits, a check letter. */
    NRIC("nric"),
    /** South Korean resident registration number: birth date, sex digit, weighted check digit. */
    KR_RRN("kr-rrn"),
    /** US Social Security number: area not 000, 666 or 9xx, group not 00, serial not 0000. */
    SSN("ssn"),
    /** Passport machine-readable zone, line two: number, birth date, expiry and line check digits. */
    MRZ("mrz"),
    /**
     * A mail app password as Gmail shows it: four groups of four lower-case letters, drawn at random, so at most one
     * group is an English word ("qwhz mrtk vbns jdle"; not "what they want also").
     */
    APP_PASSWORD("app-password");

    private final String wireName;

    SecretValidator(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static SecretValidator fromWire(String s) {
        for (SecretValidator v : values()) if (v.wireName.equals(s.trim().toLowerCase(Locale.ROOT))) return v;
        throw new IllegalArgumentException("unknown validator '" + s + "' (known: luhn, cn-id, base58check, wif, xprv, base32, password, strong-password, random-token, ed25519-keypair, base58-64-bytes, aadhaar, aba-routing, tw-id, hkid, nric, kr-rrn, ssn, mrz, hex-key, app-password; seed phrases use detector = \"bip39\")");
    }

    public boolean valid(String secret) {
        return switch (this) {
            case LUHN -> luhn(secret);
            case CN_ID -> chineseId(secret);
            case BASE58CHECK -> Base58.decodeChecked(secret) != null;
            case WIF -> wif(secret);
            case XPRV -> xprv(secret);
            case BASE32 -> base32(secret);
            case PASSWORD -> password(secret);
            case HEX_KEY -> hexKey(secret);
            case STRONG_PASSWORD -> strongPassword(secret);
            case RANDOM_TOKEN -> randomToken(secret);
            case ED25519_KEYPAIR -> Ed25519Keypair.isKeypair(keypairBytes(secret));
            case BASE58_64_BYTES -> sixtyFourBytes(Base58.decode(secret));
            case AADHAAR -> IdentityNumbers.aadhaar(secret);
            case ABA_ROUTING -> abaRouting(secret);
            case TW_ID -> IdentityNumbers.taiwan(secret);
            case HKID -> IdentityNumbers.hongKong(secret);
            case NRIC -> IdentityNumbers.singapore(secret);
            case KR_RRN -> IdentityNumbers.koreanResident(secret);
            case SSN -> IdentityNumbers.usSocialSecurity(secret);
            case MRZ -> IdentityNumbers.passportMrz(secret);
            case APP_PASSWORD -> appPassword(secret);
        };
    }

    static boolean appPassword(String s) {
        String[] groups = s.split(" ");
        if (groups.length != 4) return false;
        int words = 0;
        for (String g : groups) {
            if (g.length() != 4 || !g.chars().allMatch(c -> c >= 'a' && c <= 'z')) return false;
            if (io.tidewatch.detect.links.WordList.english().contains(g)) words++;
        }
        return words <= 1;
    }

    static boolean luhn(String s) {
        int sum = 0, digits = 0;
        boolean dbl = false, oneDigit = true; // 0000 0000 ... is a placeholder
        char first = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-') continue;
            if (c < '0' || c > '9') return false;
            if (first == 0) first = c;
            else if (c != first) oneDigit = false;
            int d = c - '0';
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
            digits++;
        }
        if (digits < 13 || digits > 19 || oneDigit) return false;
        return sum % 10 == 0;
    }

    private static boolean sixtyFourBytes(byte[] b) {
        return b != null && b.length == 64;
    }

    static boolean abaRouting(String span) {
        if (span.length() < 9) return false;
        String s = span.substring(span.length() - 9);
        if (s.equals("000000000") || s.charAt(0) < '0' || s.charAt(0) > '9' || s.charAt(1) < '0' || s.charAt(1) > '9') return false;
        int prefix = Integer.parseInt(s.substring(0, 2));
        if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80)) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * (i % 3 == 0 ? 3 : i % 3 == 1 ? 7 : 1);
        }
        return sum % 10 == 0;
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    static boolean chineseId(String s) {
        s = s.replace(" ", "").replace("-", ""); // written in its parts: region, birth date, serial
        if (s.length() != 18) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        if (Character.toUpperCase(s.charAt(17)) != ID_CHECK[sum % 11]) return false;
        int province = Integer.parseInt(s.substring(0, 2));
        if (province < 11 || province > 91) return false;
        try {
            java.time.LocalDate birth = java.time.LocalDate.parse(s.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return birth.getYear() >= 1900 && birth.isBefore(java.time.LocalDate.now());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static boolean wif(String s) {
        byte[] p = Base58.decodeChecked(s);
        if (p == null) return false;
        int version = p[0] & 0xff;
        if (version != 0x80 && version != 0xef) return false;
        return p.length == 33 || (p.length == 34 && p[33] == 0x01);
    }

    static boolean xprv(String s) {
        byte[] p = Base58.decodeChecked(s);
        return p != null && p.length == 78 && p[45] == 0;
    }

    static boolean base32(String s) {
        String t = s.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '=') end--; // padding
        t = t.substring(0, end);
        if (t.length() < 16) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
        }
        // words and repeated letters are not keys: require variety, and a digit (2-7) or, in a key drawn without one
        // (one in 30 of 16-char keys), a run of five consonants, which words and names rarely have, or of four among
        // eleven different letters (words glued together repeat their letters: PASSWORDRESETKEYS has a run of three)
        long distinct = t.chars().distinct().count();
        if (distinct < 8 || Entropy.shannon(t) < 3.0) return false;
        int run = longestConsonantRun(t);
        return t.chars().anyMatch(Character::isDigit) || run >= 5 || run >= 4 && distinct >= 11;
    }

    private static int longestConsonantRun(String upper) {
        int best = 0, run = 0;
        for (int i = 0; i < upper.length(); i++) {
            run = "AEIOU".indexOf(upper.charAt(i)) >= 0 ? 0 : run + 1;
            best = Math.max(best, run);
        }
        return best;
    }

    private static final java.util.Set<String> NOT_PASSWORDS = java.util.Set.of(
            "incorrect", "wrong", "invalid", "correct", "required", "needed", "expired", "changed", "reset",
            "too", "not", "the", "same", "different", "weak", "strong", "safe", "secure", "empty", "missing",
            "fine", "okay", "ok", "set", "case", "sensitive", "protected", "hidden", "encrypted", "stored",
            "saved", "forgotten", "lost", "long", "short", "simple", "complex", "right", "also", "still",
            "always", "never", "just", "only", "your", "mine", "yours", "what", "which", "here", "there",
            "below", "above", "attached", "sent", "private", "secret", "confidential", "updated", "new", "old",
            "unknown", "null", "none", "undefined", "xxxx", "xxxxxx", "xxxxxxxx", "****", "******", "********",
            "password", "passw0rd", "yourpassword", "your_password", "<password>", "[password]", "placeholder",
            "changeme", "change_me", "changeit",
            "characters", "chars", "digits", "letters", "blank", "same?", "leaked", "stolen", "compromised",
            "hacked", "valid", "unique", "good", "bad", "easy", "hard", "working", "being", "getting", "already",
            "very", "really", "probably", "definitely", "somewhere", "written", "mandatory", "optional", "shown",
            "visible", "masked", "locked", "blocked", "disabled", "enabled", "useless", "known", "public", "fake",
            "real", "generated", "random", "temporary", "emailed", "displayed", "accepted", "rejected",
            "wrong?", "the_same", "unchanged", "ignored", "needed.", "pending", "something", "nothing", "anything",
            // function words that follow "password:" in explanations ("password: this is…", "passphrase that must…")
            "this", "that", "these", "those", "must", "should", "will", "shall", "can", "may", "might", "and",
            "for", "with", "from", "used", "often", "usually", "then", "when", "where", "while", "each", "every",
            // and the adverbs of "password is about to expire", "was last changed"
            "about", "last", "first", "once", "soon", "later", "now", "again", "due");

    /** Everyday English word shapes that follow "password is" in conversation ("expired", "working", "easily"). */
    private static boolean everydayWord(String t) {
        if (!t.chars().allMatch(c -> c >= 'a' && c <= 'z') || t.length() > 14) return false;
        for (String suffix : new String[]{"ed", "ing", "ly", "able", "ible", "ive", "ful", "less", "ous", "ent", "ant", "tion", "ness"}) {
            if (t.endsWith(suffix) && t.length() >= suffix.length() + 2) return true; // "going", "being", "sent" too
        }
        return false;
    }

    private static final String LEADING_QUOTES = "\"'`“‘(<[";
    private static final String TRAILING_PUNCTUATION = "\"'`”’)>].,!?;:。，！？";
    /** Longer than any password people type in chat: a paste of something else (and it bounds the checks). */
    private static final int MAX_PASSWORD = 128;

    /** {@code s} without the leading chars in {@code lead} and the trailing chars in {@code trail} (a linear scan). */
    private static String trim(String s, String lead, String trail) {
        int from = 0, to = s.length();
        while (from < to && lead.indexOf(s.charAt(from)) >= 0) from++;
        while (to > from && trail.indexOf(s.charAt(to - 1)) >= 0) to--;
        return s.substring(from, to);
    }

    static boolean password(String s) {
        if (s.length() > MAX_PASSWORD) return false;
        if (placeholderName(s)) return false;
        String t = trim(s.toLowerCase(Locale.ROOT), LEADING_QUOTES, TRAILING_PUNCTUATION);
        if (t.length() < 4 || NOT_PASSWORDS.contains(t) || everydayWord(t)) return false;
        if (t.chars().noneMatch(Character::isLetterOrDigit)) return false; // "+-----+": a drawing, not a password
        if (t.chars().allMatch(c -> c == '*' || c == 'x' || c == '.' || c == '•')) return false;
        if (t.startsWith("{{") || t.startsWith("${") || t.startsWith("<")) return false;
        return true;
    }

    /** "<your-password>", "[value]", "{password}": a name in brackets is what goes there, not what is there. */
    private static boolean placeholderName(String s) {
        if (s.isEmpty() || "<[{".indexOf(s.charAt(0)) < 0) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (">]}".indexOf(c) >= 0) return i > 1;
            if (!(Character.isLetter(c) || c == '-' || c == '_' || c == ' ')) return false;
        }
        return true; // cut short by the rule's value pattern: "<your-password"
    }

    /** Punctuation of prose (an elision, a list comma, *emphasis*) that makes no word a password. */
    private static final String PROSE_MARKS = ",.'’`*\"";

    static boolean strongPassword(String s) {
        if (!password(s) || s.length() < 6) return false;
        // "yesterday!" is a word at the end of a sentence: judge it without trailing punctuation
        s = trim(s, "", ".,!?;:。，！？");
        if (s.length() < 6) return false;
        boolean digit = s.chars().anyMatch(Character::isDigit);
        boolean letter = s.chars().anyMatch(Character::isLetter);
        boolean symbol = s.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && PROSE_MARKS.indexOf(c) < 0);
        if (s.startsWith("http") || s.contains("://") || emailAddress(s)) return false; // a URL or an email address
        return (digit && letter) || (symbol && (digit || letter)) || (digit && s.length() >= 6 && s.chars().distinct().count() >= 3);
    }

    /**
     * Chars of code, paths, field lists and quoting: a token holding one is a call, a path, a passwd line
     * ("user1:x:1000:1000") or a quote, not a typed credential.
     */
    private static final String CODE_CHARS = "/\\()[]{}<>\"'`,;:|";
    /** Keyboard chords ("Ctrl-Alt-F3") have every kind of char and are named in manuals. */
    private static final List<String> KEY_CHORD_STARTS = List.of("ctrl-", "ctrl+", "alt-", "alt+", "shift-", "shift+",
            "cmd-", "cmd+", "super-", "super+", "meta-", "meta+", "fn-", "fn+");

    static boolean randomToken(String s) {
        String t = trim(s, LEADING_QUOTES, TRAILING_PUNCTUATION);
        if (t.length() < 8 || t.length() > 40) return false;
        // a mention, a hashtag, a flag, a variable, a URL or an address is named, not typed
        if ("@#-$%&.".indexOf(t.charAt(0)) >= 0 || t.contains("://") || t.startsWith("www.") || emailAddress(t)) return false;
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (CODE_CHARS.indexOf(c) >= 0) return false;
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= '0' && c <= '9') digit = true;
            // a dot between digits numbers a section or a version ("Anterior9.2"), it is no symbol
            else if (!(c == '.' && i > 0 && i + 1 < t.length() && isDigit(t.charAt(i - 1)) && isDigit(t.charAt(i + 1)))) symbol = true;
        }
        if (!(upper && lower && digit && symbol)) return false;
        String folded = t.toLowerCase(Locale.ROOT);
        for (String k : KEY_CHORD_STARTS) if (folded.startsWith(k)) return false;
        return true;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** "name@host.tld": one @, a dot after it, two or more letters after the last dot. */
    private static boolean emailAddress(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@')) return false;
        int dot = s.lastIndexOf('.');
        if (dot < at + 2 || s.length() - dot - 1 < 2) return false;
        for (int i = dot + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return true;
    }

    /** The bytes of "[12, 250, …]" (each 0-255) or of a Base58 string; null when it is neither. */
    static byte[] keypairBytes(String s) {
        if (s.indexOf(',') < 0) return Base58.decode(s);
        s = trim(s, "[", "]");
        byte[] out = new byte[64];
        int n = 0;
        for (int from = 0; from <= s.length(); ) {
            int comma = s.indexOf(',', from);
            if (comma < 0) comma = s.length();
            String p = s.substring(from, comma).strip();
            from = comma + 1;
            if (n == out.length || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[n++] = (byte) v;
        }
        return n == out.length ? out : null;
    }

    static boolean hexKey(String s) {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (t.length() != 64) return false;
        return t.chars().distinct().count() >= 8;
    }
}
