package dev.kefu.channel.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What kefu keeps of a platform user id, which may be personal data (a generic-webhook user id is
 * often a phone number): a keyed hash to find the user's conversation again, and a sealed copy
 * (AES-256-GCM) to deliver an agent's reply to. Both keys are derived from one server key (HMAC
 * over fixed labels), so the same user always has the same pseudonym on every instance sharing
 * that key, and nobody without the key can tell a phone number from its pseudonym by trying
 * numbers. Immutable and thread-safe.
 */
public final class UserPseudonyms {
    /** Shortest server key: 32 characters carry 192 bits or more as base64, the form kefu generates. */
    public static final int MIN_KEY_LENGTH = 32;
    private static final String PREFIX = "u1.";
    private static final Pattern PSEUDONYM = Pattern.compile("u1\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec hashKey;
    private final SecretKeySpec sealKey;
    private final String fingerprint;

    /** {@code serverKey}: at least {@value #MIN_KEY_LENGTH} characters, kept secret and never changed. */
    public UserPseudonyms(String serverKey) {
        if (serverKey == null || serverKey.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the user-id key must be at least " + MIN_KEY_LENGTH
                    + " characters, e.g. the output of: openssl rand -base64 32");
        }
        byte[] master = serverKey.strip().getBytes(StandardCharsets.UTF_8);
        this.hashKey = new SecretKeySpec(hmac(master, "kefu user-id pseudonym v1"), "HmacSHA256");
        this.sealKey = new SecretKeySpec(hmac(master, "kefu user-id address v1"), "AES");
        this.fingerprint = ENCODER.encodeToString(hmac(master, "kefu user-id key check v1"));
    }

    /** A random server key of the accepted form (what a database without one gets). */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return ENCODER.encodeToString(key);
    }

    /** The pseudonym of {@code userId} on {@code channel}: {@code u1.} and 43 base64url characters. */
    public String pseudonym(String channel, String userId) {
        byte[] digest = hmac(hashKey.getEncoded(), channel + "\u0000" + userId);
        return PREFIX + ENCODER.encodeToString(digest);
    }

    /** Whether {@code storedId} is a pseudonym (rows written before kefu kept pseudonyms hold the raw id). */
    public static boolean isPseudonym(String storedId) {
        return PSEUDONYM.matcher(storedId).matches();
    }

    /** {@code userId} encrypted with a fresh nonce: base64url of nonce and ciphertext with its tag. */
    public String seal(String userId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required of every JVM", e);
        }
    }

    /** The user id {@link #seal sealed} in {@code sealed}; throws when it was sealed with another key or altered. */
    public String open(String sealed) {
        byte[] bytes = DECODER.decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("a stored user address does not open with this user-id key "
                    + "(was KEFU_USER_ID_KEY changed?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required of every JVM", e);
        }
    }

    /** A value derived from the key that tells whether a database was pseudonymized with this key. */
    public String fingerprint() {
        return fingerprint;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per call
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
