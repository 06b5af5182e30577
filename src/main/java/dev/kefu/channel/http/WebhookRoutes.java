package dev.kefu.channel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.channel.webhook.HmacSignature;
import dev.kefu.channel.webhook.WechatMessage;
import dev.kefu.channel.webhook.WechatSignature;
import dev.kefu.channel.webhook.WechatXml;
import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.text.TextResources;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * {@code /webhook/wechat} (WeChat Official Account, plain-text mode) and {@code /webhook/generic}
 * (signed JSON). Both map a platform user to one conversation, process each platform message id
 * once (a resend gets the stored reply), and stay silent while a person has the conversation (the
 * agent's messages go out through the outbox). Thread-safe.
 */
final class WebhookRoutes {
    private static final String WECHAT = "wechat";
    private static final String GENERIC = "generic";
    /** A claim older than this was abandoned by a crash and may be processed again. */
    private static final long STALE_CLAIM_MILLIS = 30_000;
    /** How long a resend waits for the first delivery's reply: under WeChat's 5-second limit. */
    private static final long WAIT_FOR_FIRST_MILLIS = 4_000;
    /** The generic webhook's replay window. */
    private static final long MAX_SKEW_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Secrets of the two webhooks; a null one turns its webhook off. */
    record Settings(String wechatToken, String webhookSecret) {
    }

    private final Desk desk;
    private final ChannelStore channels;
    private final Settings settings;
    private final Clock clock;
    private final Properties texts = TextResources.load(WebhookRoutes.class, "webhook.properties");

    WebhookRoutes(Desk desk, ChannelStore channels, Settings settings, Clock clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code GET /webhook/wechat}: WeChat's server verification; echoes {@code echostr}. */
    void wechatVerify(Context ctx) {
        requireWechatSignature(ctx);
        String echo = ctx.queryParam("echostr");
        if (echo == null) {
            throw new ApiException(400, "echostr is required");
        }
        ctx.contentType("text/plain; charset=utf-8").result(echo);
    }

    /** {@code POST /webhook/wechat}: one pushed message, answered with a passive XML reply or {@code success}. */
    void wechatMessage(Context ctx) {
        requireWechatSignature(ctx);
        WechatMessage message;
        try {
            message = WechatXml.parse(Bodies.read(ctx, WechatXml.MAX_BYTES));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        String reply = switch (message.msgType()) {
            case "text" -> message.content() == null || message.content().isBlank() ? texts.getProperty("text_only")
                    : once(WECHAT, message.msgId(), () -> wechatText(message));
            case "event" -> "subscribe".equals(message.event()) ? texts.getProperty("greeting") : "";
            default -> texts.getProperty("text_only");
        };
        if (reply.isEmpty()) {
            ctx.contentType("text/plain; charset=utf-8").result("success"); // no passive reply
        } else {
            ctx.contentType("application/xml; charset=utf-8").result(WechatXml.textReply(message, reply,
                    clock.instant().getEpochSecond()));
        }
    }

    /** {@code POST /webhook/generic}: {@code {"userId", "text", "messageId"}}, signed; replies like {@code /api/messages}. */
    void generic(Context ctx) {
        if (settings.webhookSecret() == null) {
            throw new ApiException(404, "the generic webhook is off: set KEFU_WEBHOOK_SECRET");
        }
        byte[] body = Bodies.read(ctx, MessageRoutes.MAX_BODY);
        if (!new HmacSignature(settings.webhookSecret()).verify(body, ctx.header("X-Kefu-Signature"))) {
            throw new ApiException(401, "X-Kefu-Signature must be sha256=<hex HMAC-SHA256 of the body>");
        }
        requireFreshTimestamp(ctx.header("X-Kefu-Timestamp"));
        GenericMessage message = GenericMessage.parse(body);
        String json = once(GENERIC, message.messageId(), () -> write(converse(GENERIC, message.userId(), message.text())));
        ctx.contentType("application/json").result(json);
    }

    private String wechatText(WechatMessage message) {
        MessageResponse response = converse(WECHAT, message.fromUser(), message.content());
        if (response.reason().equals(Reason.WITH_AGENT.wireName())) {
            return ""; // a person has the conversation: the bot says nothing
        }
        StringBuilder text = new StringBuilder(response.reply());
        if (response.action().equals("fallback") && !response.suggestions().isEmpty()) {
            text.append("\n").append(texts.getProperty("topics"));
            for (Suggestion suggestion : response.suggestions()) {
                text.append("\n· ").append(suggestion.question());
            }
        }
        return text.toString();
    }

    private MessageResponse converse(String channel, String userId, String text) {
        // a known user costs one read; a new one starts an empty conversation first, so that first
        // messages arriving together share it and are answered in order (ChatEngine)
        String conversation = channels.conversationOf(channel, userId)
                .orElseGet(() -> channels.conversationFor(channel, userId, ConversationIds.next()));
        return desk.converse(conversation, text);
    }

    /** Runs {@code process} once per platform message id; resends get the stored reply. */
    private String once(String channel, String messageId, Supplier<String> process) {
        if (messageId == null || messageId.isBlank()) {
            return process.get();
        }
        long deadline = System.nanoTime() + WAIT_FOR_FIRST_MILLIS * 1_000_000;
        ChannelStore.Claim claim = channels.claim(channel, messageId, STALE_CLAIM_MILLIS);
        while (!claim.mine() && claim.reply() == null && System.nanoTime() < deadline) {
            sleepBriefly();
            claim = channels.claim(channel, messageId, STALE_CLAIM_MILLIS);
        }
        if (claim.reply() != null) {
            return claim.reply();
        }
        if (!claim.mine()) {
            throw new ApiException(409, "message " + messageId + " is still being processed; retry later");
        }
        String reply = process.get();
        channels.answer(channel, messageId, reply);
        return reply;
    }

    private void requireWechatSignature(Context ctx) {
        if (settings.wechatToken() == null) {
            throw new ApiException(404, "the WeChat webhook is off: set KEFU_WECHAT_TOKEN");
        }
        if (!WechatSignature.verify(settings.wechatToken(), ctx.queryParam("signature"), ctx.queryParam("timestamp"),
                ctx.queryParam("nonce"))) {
            throw new ApiException(401, "signature does not match timestamp and nonce");
        }
    }

    private void requireFreshTimestamp(String header) {
        long seconds;
        try {
            seconds = Long.parseLong(header == null ? "" : header.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(401, "X-Kefu-Timestamp must be Unix seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW_SECONDS) {
            throw new ApiException(401, "X-Kefu-Timestamp is more than 5 minutes from now (replayed or wrong clock)");
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
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
