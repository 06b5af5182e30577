package dev.kefu.channel.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tickets that open the agents' event stream ({@code GET /api/agent/events?ticket=…}):
 * EventSource cannot send an {@code Authorization} header, and the long-lived agent token must not
 * travel in a URL, where access logs, proxies and browser history keep it.
 *
 * <p>A ticket is {@code <expiry, epoch seconds>.<agent name, base64url>.<HMAC-SHA256, base64url>}.
 * The HMAC key is itself an HMAC of the agent token over a fixed label, so the token never keys
 * anything else directly, and every kefu instance that shares the token accepts the tickets of the
 * others with no shared memory. Nothing is stored: a ticket may be used again until it expires.
 * Immutable and thread-safe.
 */
final class StreamTickets {
    /** How long a ticket opens the stream; an open stream stays open after that. */
    static final Duration TTL = Duration.ofSeconds(60);
    private static final String LABEL = "kefu agent event-stream ticket v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longest ticket accepted: a 40-character name makes about 110. */
    private static final int MAX_LENGTH = 200;

    private final byte[] key;
    private final Clock clock;

    /** {@code agentToken} must not be blank: without a token there is no agent API. */
    StreamTickets(String agentToken, Clock clock) {
        if (agentToken == null || agentToken.isBlank()) {
            throw new IllegalArgumentException("agentToken must not be blank");
        }
        this.key = hmac(agentToken.strip().getBytes(StandardCharsets.UTF_8), LABEL);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A ticket for {@code agent}, valid for {@link #TTL}. */
    String issue(String agent) {
        long expiry = clock.instant().plus(TTL).getEpochSecond();
        String payload = expiry + "." + ENCODER.encodeToString(agent.getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** The agent {@code ticket} was issued to; 401 when it is malformed, forged or expired. */
    String verify(String ticket) {
        String[] parts = ticket.length() > MAX_LENGTH ? new String[0] : ticket.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        String payload = parts[0] + "." + parts[1];
        byte[] presented;
        try {
            presented = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(hmac(key, payload), presented)) {
            throw invalid();
        }
        // signed by us: the expiry and the name are ours, so parsing them cannot fail
        if (clock.instant().getEpochSecond() >= Long.parseLong(parts[0])) {
            throw new ApiException(401, "the stream ticket has expired; get a new one with POST /api/agent/stream-ticket");
        }
        return new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static ApiException invalid() {
        return new ApiException(401, "invalid stream ticket; get one with POST /api/agent/stream-ticket");
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe: one per call
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every JVM", e);
        }
    }
}
