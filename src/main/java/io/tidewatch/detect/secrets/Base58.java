package io.tidewatch.detect.secrets;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet and the Base58Check checksum (first 4 bytes of double SHA-256). */
public final class Base58 {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {}

    /** Decodes, or returns null when {@code s} has a char outside the alphabet. */
    public static byte[] decode(String s) {
        BigInteger v = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < s.length(); i++) {
            int d = ALPHABET.indexOf(s.charAt(i));
            if (d < 0) return null;
            if (leading && d == 0) zeros++; else leading = false;
            v = v.multiply(BASE).add(BigInteger.valueOf(d));
        }
        byte[] body = v.signum() == 0 ? new byte[0] : v.toByteArray();
        if (body.length > 0 && body[0] == 0) body = Arrays.copyOfRange(body, 1, body.length);
        byte[] out = new byte[zeros + body.length];
        System.arraycopy(body, 0, out, zeros, body.length);
        return out;
    }

    /** The payload (version byte(s) included, checksum stripped) when the checksum holds, else null. */
    public static byte[] decodeChecked(String s) {
        byte[] raw = decode(s);
        if (raw == null || raw.length < 5) return null;
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        byte[] check = sha256(sha256(payload));
        for (int i = 0; i < 4; i++) if (check[i] != raw[payload.length + i]) return null;
        return payload;
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
