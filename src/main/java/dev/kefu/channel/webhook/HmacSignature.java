package dev.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic webhook's signature: {@code sha256=<hex HMAC-SHA256 of timestamp + "." + raw body>}
 * with the shared secret (as Stripe and Slack sign), compared in constant time. The timestamp is
 * the {@code X-Kefu-Timestamp} header exactly as sent, so an old body cannot be replayed under a
 * fresh timestamp. Immutable and thread-safe.
 */
public final class HmacSignature {
    private final SecretKeySpec key;

    public HmacSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code sha256=<hex>} of {@code timestamp + "." + body}. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** True when {@code header} is the signature of {@code timestamp} and {@code body}; false for a missing value. */
    public boolean verify(String timestamp, byte[] body, String header) {
        return timestamp != null && header != null && MessageDigest.isEqual(
                sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
