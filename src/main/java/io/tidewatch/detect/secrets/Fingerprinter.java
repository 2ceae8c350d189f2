package io.tidewatch.detect.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Salted fingerprints (HMAC-SHA256) of secrets: the same secret posted twice gets the same
 * fingerprint, yet a fingerprint reveals nothing and cannot be brute-forced without the salt
 * (a plain hash of a 6-digit code or a short password could be). The salt comes from
 * {@code TIDEWATCH_FINGERPRINT_SALT} when set (several instances sharing a database must agree),
 * else from a random per-install file {@code data/fingerprint.salt}, created on first use.
 */
public final class Fingerprinter {
    public static final String ENV = "TIDEWATCH_FINGERPRINT_SALT";
    private final byte[] salt;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Fingerprinter(byte[] salt) {
        if (salt.length < 16) throw new IllegalArgumentException("fingerprint salt must be at least 16 bytes");
        this.salt = salt.clone();
    }

    public static Fingerprinter fromEnvironment(Map<String, String> env, Path dataDir) {
        String s = env.get(ENV);
        if (s != null && !s.isBlank()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return new Fingerprinter(b.length >= 16 ? b : sha(b));
        }
        Path file = dataDir.resolve("fingerprint.salt");
        try {
            if (Files.isRegularFile(file)) return new Fingerprinter(HexFormat.of().parseHex(Files.readString(file).strip()));
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(dataDir);
            Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's protection has to do
            }
            return new Fingerprinter(fresh);
        } catch (IOException | IllegalArgumentException e) {
            // read-only or broken install: repeats are still recognized within this process
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return new Fingerprinter(fresh);
        }
    }

    /** Hex HMAC of the rule kind and the secret with whitespace removed, 32 hex chars. */
    public String fingerprint(String kind, String secret) {
        Mac mac = macs.get();
        mac.update((kind + "\u0000").getBytes(StandardCharsets.UTF_8));
        StringBuilder compact = new StringBuilder(secret.length());
        for (int i = 0; i < secret.length(); i++) if (!Character.isWhitespace(secret.charAt(i))) compact.append(secret.charAt(i));
        byte[] h = mac.doFinal(compact.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha(byte[] b) { return Base58.sha256(b); }
}
