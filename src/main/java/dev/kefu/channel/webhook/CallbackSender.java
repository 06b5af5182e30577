package dev.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The generic webhook's outbound side: POSTs {@code {"userId", "text", "messageId", "role",
 * "conversationId"}} to the configured callback URL, signed like inbound calls
 * ({@code X-Kefu-Signature} over {@code X-Kefu-Timestamp + "." + body}). A 4xx answer (other than
 * 408 and 429) is permanent: the receiver refuses this message, so it is dead-lettered rather than
 * retried; 5xx, 408, 429 and network failures are retried. {@code messageId} is {@code out-<outbox
 * id>}: stable across retries, so the receiver can drop duplicates. Thread-safe.
 */
public final class CallbackSender implements OutboundSender {
    private final String url;
    private final HmacSignature signature;
    private final Clock clock;
    private final HttpDelivery http = new HttpDelivery();

    public CallbackSender(String url, HmacSignature signature, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String channel() {
        return "generic";
    }

    @Override
    public void send(OutboundMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", message.userId());
        payload.put("text", message.text());
        payload.put("messageId", "out-" + message.id());
        payload.put("role", "agent");
        payload.put("conversationId", message.conversationId());
        byte[] body = WechatSender.json(payload).getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        http.send(HttpDelivery.post(url, new String(body, StandardCharsets.UTF_8))
                .header("X-Kefu-Signature", signature.sign(timestamp, body))
                .header("X-Kefu-Timestamp", timestamp));
    }
}
