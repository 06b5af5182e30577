package dev.kefu.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as PBKDF2-HMAC-SHA256 hashes from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64): the iteration count travels with the
 * hash, so raising it later leaves old hashes verifiable. Thread-safe.
 */
public final class PasswordHash {
    /**
     * OWASP's 2023 advice for PBKDF2-HMAC-SHA256. Costs about a quarter of a second a login on
     * this machine, which is also why logins are throttled before a hash is computed.
     */
    static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private final SecureRandom random = new SecureRandom();
    /**
     * A stored hash that no password matches, verified against when the login is unknown so that the
     * answer takes as long: a verification costs the same derivation whatever the stored bytes are,
     * so random ones do (no password derives to 32 given random bytes), and no derivation is spent
     * making it (one was a quarter of a second of every server start).
     */
    private final String decoy;

    public PasswordHash() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(hash);
        this.decoy = SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** A fresh salted hash of {@code password}. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches {@code stored} (compared in constant time); a malformed hash matches nothing. */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        Base64.Decoder b64 = Base64.getDecoder();
        return MessageDigest.isEqual(derive(password, b64.decode(parts[2]), iterations), b64.decode(parts[3]));
    }

    /** Spends the time of one verification, for a login that does not exist; always false. */
    public boolean verifyNothing(String password) {
        verify(password, decoy);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A random token of {@code bytes} bytes, base64url: session ids and CSRF tokens. */
    String token(int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The hex SHA-256 of {@code token}: sessions are stored by it, so a database dump opens none. */
    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
