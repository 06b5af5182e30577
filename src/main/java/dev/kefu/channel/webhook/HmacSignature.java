package dev.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic webhook's signature: {@code sha256=<hex HMAC-SHA256 of the raw body>} with the
 * shared secret, compared in constant time. Immutable and thread-safe.
 */
public final class HmacSignature {
    private final SecretKeySpec key;

    public HmacSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code sha256=<hex>} of {@code body}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** True when {@code header} is the signature of {@code body}. */
    public boolean verify(byte[] body, String header) {
        return header != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
