package dev.kefu.channel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.HmacSignature;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code /webhook/generic}: signed JSON ({@code X-Kefu-Signature: sha256=<hex HMAC-SHA256 of
 * X-Kefu-Timestamp + "." + body>}), the timestamp within the replay window. Each (user,
 * messageId) is answered once ({@link InboundTurns}); replies like {@code /api/messages}.
 * Thread-safe.
 */
final class WebhookRoutes {
    private static final String GENERIC = "generic";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboundTurns inbound;
    private final WebhookSettings settings;
    private final HmacSignature signature;
    private final Clock clock;

    WebhookRoutes(InboundTurns inbound, WebhookSettings settings, Clock clock) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signature = settings.webhookSecret() == null ? null : new HmacSignature(settings.webhookSecret());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code POST /webhook/generic}: {@code {"userId", "text", "messageId"}}, signed; replies like {@code /api/messages}. */
    void generic(Context ctx) {
        if (signature == null) {
            throw new ApiException(404, "the generic webhook is off: set KEFU_WEBHOOK_SECRET");
        }
        byte[] body = Bodies.read(ctx, MessageRoutes.MAX_BODY);
        String timestamp = ctx.header("X-Kefu-Timestamp");
        if (!signature.verify(timestamp, body, ctx.header("X-Kefu-Signature"))) {
            throw new ApiException(401, "X-Kefu-Signature must be sha256=<hex HMAC-SHA256 of X-Kefu-Timestamp + \".\" + "
                    + "body> (the timestamp exactly as sent)");
        }
        Replay.requireFresh(timestamp, clock, settings.replayWindow(), "X-Kefu-Timestamp");
        GenericMessage message = GenericMessage.parse(body);
        String json = inbound.once(InboundTurns.key(GENERIC, message.userId(), message.messageId(), message.text()),
                () -> write(inbound.converse(GENERIC, message.userId(), message.text())),
                stored -> write(inbound.stored(stored)));
        ctx.contentType("application/json").result(json);
    }

    private static String write(MessageResponse response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validated generic webhook body. */
    record GenericMessage(String userId, String text, String messageId) {
        static GenericMessage parse(byte[] body) {
            JsonNode root = Bodies.jsonObject(body, "{\"userId\", \"text\", \"messageId\"}");
            return new GenericMessage(id(root, "userId"), MessageRequest.text(root.get("text")), id(root, "messageId"));
        }

        private static String id(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                throw new ApiException(400, field + " is required and must be a non-blank string");
            }
            if (node.asText().length() > 128) {
                throw new ApiException(400, field + " must be at most 128 characters");
            }
            return node.asText();
        }
    }
}
