package io.tidewatch.detect.secrets;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * A 64-byte Ed25519 keypair as Solana wallets export it: the 32-byte private seed, then its public key.
 * The check derives the public key from the seed, so a transaction signature or any other 64 random
 * bytes (same length, same Base58 look) never passes.
 */
final class Ed25519Keypair {
    private Ed25519Keypair() {}

    static boolean isKeypair(byte[] b) {
        if (b == null || b.length != 64) return false;
        byte[] derived = publicKey(Arrays.copyOf(b, 32));
        return derived != null && Arrays.equals(derived, Arrays.copyOfRange(b, 32, 64));
    }

    /** The raw public key of a seed: the JDK's generator fed the seed as its only randomness. */
    private static byte[] publicKey(byte[] seed) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            byte[] x509 = g.generateKeyPair().getPublic().getEncoded();
            return Arrays.copyOfRange(x509, x509.length - 32, x509.length); // SubjectPublicKeyInfo ends with the raw key
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Hands out the given bytes: how a seed becomes the private key the generator makes. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) { this.bytes = bytes; }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) throw new IllegalStateException("asked for " + out.length + " bytes");
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
