package dev.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's server signature: SHA-1 of token, timestamp and nonce, sorted lexicographically and
 * joined, in lower-case hex. Compared in constant time.
 */
public final class WechatSignature {
    private WechatSignature() {
    }

    /** The signature WeChat sends for these values. */
    public static String of(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        return sha1(String.join("", parts));
    }

    /** Lower-case hex SHA-1 of {@code text} in UTF-8. */
    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /** True when {@code signature} matches; false for any missing value. */
    public static boolean verify(String token, String signature, String timestamp, String nonce) {
        if (token == null || signature == null || timestamp == null || nonce == null) {
            return false;
        }
        byte[] expected = of(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
