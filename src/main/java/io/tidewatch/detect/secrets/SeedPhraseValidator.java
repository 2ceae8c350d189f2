package io.tidewatch.detect.secrets;

/**
 * Verifies a BIP-39 mnemonic's checksum: the last ENT/32 bits of the words' 11-bit indices
 * must equal the first bits of SHA-256 of the entropy the other bits encode.
 */
public final class SeedPhraseValidator {
    private SeedPhraseValidator() {}

    public static boolean validLength(int words) {
        return words >= 12 && words <= 24 && words % 3 == 0;
    }

    /** True when {@code indices[from, from+count)} is a checksum-valid mnemonic. */
    public static boolean checksumValid(int[] indices, int from, int count) {
        if (!validLength(count)) return false;
        int totalBits = count * 11;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        byte[] bits = new byte[(totalBits + 7) / 8];
        int bit = 0;
        for (int w = 0; w < count; w++) {
            int idx = indices[from + w];
            if (idx < 0) return false;
            for (int b = 10; b >= 0; b--, bit++) {
                if (((idx >> b) & 1) != 0) bits[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
        byte[] entropy = java.util.Arrays.copyOf(bits, entropyBits / 8);
        byte[] hash = Base58.sha256(entropy);
        for (int i = 0; i < checksumBits; i++) {
            int pos = entropyBits + i;
            boolean actual = (bits[pos >> 3] & (0x80 >>> (pos & 7))) != 0;
            boolean expected = (hash[i >> 3] & (0x80 >>> (i & 7))) != 0;
            if (actual != expected) return false;
        }
        return true;
    }

    public static boolean checksumValid(Bip39Wordlist list, String... words) {
        int[] idx = new int[words.length];
        for (int i = 0; i < words.length; i++) idx[i] = list.indexOf(words[i].toLowerCase(java.util.Locale.ROOT));
        return checksumValid(idx, 0, idx.length);
    }
}
