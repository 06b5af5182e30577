package dev.kefu.channel.http;

import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.channel.webhook.WechatCrypto;
import dev.kefu.channel.webhook.WechatMessage;
import dev.kefu.channel.webhook.WechatSignature;
import dev.kefu.channel.webhook.WechatXml;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.text.TextResources;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code /webhook/wechat}: the WeChat Official Account protocol in its three modes (明文, 兼容,
 * 安全; {@link WebhookSettings.WechatMode}). Every request is signed, within the replay window and
 * with a nonce not seen before (in the database, so every instance agrees). An encrypted message is
 * read from its {@code <Encrypt>} only and answered encrypted. Text, recognised voice and menu
 * clicks are answered once per message ({@link InboundTurns}). Thread-safe.
 */
final class WechatRoutes {
    private static final String WECHAT = "wechat";

    private final InboundTurns inbound;
    private final ChannelStore channels;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Properties texts = TextResources.load(WechatRoutes.class, "webhook.properties");

    WechatRoutes(InboundTurns inbound, ChannelStore channels, WebhookSettings settings, Clock clock) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code GET /webhook/wechat}: WeChat's server verification; echoes {@code echostr}. */
    void verify(Context ctx) {
        requireOn();
        requirePlainSignature(ctx);
        String echo = ctx.queryParam("echostr");
        if (echo == null) {
            throw new ApiException(400, "echostr is required");
        }
        requireFirstUse(ctx);
        ctx.contentType("text/plain; charset=utf-8").result(echo);
    }

    /** {@code POST /webhook/wechat}: one pushed message, answered with a passive XML reply or {@code success}. */
    void message(Context ctx) {
        requireOn();
        byte[] body = Bodies.read(ctx, WechatXml.MAX_BYTES);
        boolean encrypted = "aes".equalsIgnoreCase(ctx.queryParam("encrypt_type"));
        WechatMessage message = parse(encrypted ? decrypted(ctx, body) : plain(ctx, body));
        String reply = reply(message);
        if (reply.isEmpty()) {
            ctx.contentType("text/plain; charset=utf-8").result("success"); // no passive reply
            return;
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String xml = WechatXml.textReply(message, reply, Long.parseLong(timestamp));
        ctx.contentType("application/xml; charset=utf-8")
                .result(encrypted ? settings.crypto().encryptedReply(xml, timestamp, ctx.queryParam("nonce")) : xml);
    }

    private byte[] plain(Context ctx, byte[] body) {
        if (settings.mode() == WebhookSettings.WechatMode.SAFE) {
            throw new ApiException(401, "plaintext messages are refused in safe mode (KEFU_WECHAT_MODE=safe): "
                    + "expected encrypt_type=aes and msg_signature");
        }
        requirePlainSignature(ctx);
        requireFirstUse(ctx);
        return body;
    }

    private byte[] decrypted(Context ctx, byte[] body) {
        WechatCrypto crypto = settings.crypto();
        if (crypto == null) {
            throw new ApiException(400, "this message is encrypted (安全模式 or 兼容模式): set KEFU_WECHAT_AES_KEY "
                    + "(the EncodingAESKey) and KEFU_WECHAT_APPID, or switch the account to 明文模式");
        }
        String encrypt = parsing(() -> WechatXml.encrypted(body));
        if (encrypt == null) {
            throw new ApiException(400, "encrypt_type=aes but the XML has no <Encrypt>");
        }
        if (!crypto.verify(ctx.queryParam("msg_signature"), ctx.queryParam("timestamp"), ctx.queryParam("nonce"), encrypt)) {
            throw new ApiException(401, "msg_signature does not match token, timestamp, nonce and <Encrypt>");
        }
        requireFirstUse(ctx);
        try {
            return crypto.decrypt(encrypt).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (WechatCrypto.Refused e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private String reply(WechatMessage message) {
        return switch (message.msgType()) {
            case "text" -> answered(message, message.content());
            case "voice" -> message.recognition() == null || message.recognition().isBlank()
                    ? texts.getProperty("voice_unrecognized") : answered(message, message.recognition());
            case "event" -> event(message);
            default -> texts.getProperty("text_only");
        };
    }

    private String event(WechatMessage message) {
        if ("subscribe".equals(message.event())) {
            return texts.getProperty("greeting");
        }
        if (!"CLICK".equalsIgnoreCase(message.event())) {
            return "";
        }
        return settings.menu().target(message.eventKey()).map(target -> target.reply() != null ? target.reply()
                // a click has no MsgId: WeChat's own key for an event is the user and CreateTime
                : once(message, "click-" + message.createTime() + "-" + message.eventKey(), target.message()))
                .orElse("");
    }

    private String answered(WechatMessage message, String text) {
        if (text == null || text.isBlank()) {
            return texts.getProperty("text_only");
        }
        return message.msgId() == null ? text(message.fromUser(), text) : once(message, message.msgId(), text);
    }

    private String once(WechatMessage message, String messageId, String text) {
        return inbound.once(InboundTurns.key(WECHAT, message.fromUser(), messageId, text),
                () -> text(message.fromUser(), text),
                stored -> stored.reason().equals(Reason.WITH_AGENT.wireName()) ? "" : stored.text());
    }

    private String text(String openId, String text) {
        MessageResponse response = inbound.converse(WECHAT, openId, text);
        if (response.reason().equals(Reason.WITH_AGENT.wireName())) {
            return ""; // a person has the conversation: the bot says nothing
        }
        StringBuilder reply = new StringBuilder(response.reply());
        if (response.action().equals("fallback") && !response.suggestions().isEmpty()) {
            reply.append("\n").append(texts.getProperty("topics"));
            for (Suggestion suggestion : response.suggestions()) {
                reply.append("\n· ").append(suggestion.question());
            }
        }
        return reply.toString();
    }

    private void requireOn() {
        if (settings.wechatToken() == null) {
            throw new ApiException(404, "the WeChat webhook is off: set KEFU_WECHAT_TOKEN");
        }
    }

    private void requirePlainSignature(Context ctx) {
        if (!WechatSignature.verify(settings.wechatToken(), ctx.queryParam("signature"), ctx.queryParam("timestamp"),
                ctx.queryParam("nonce"))) {
            throw new ApiException(401, "signature does not match timestamp and nonce");
        }
    }

    /** After the signature: the timestamp within the window, and the nonce never seen in it (a replay otherwise). */
    private void requireFirstUse(Context ctx) {
        String timestamp = ctx.queryParam("timestamp");
        Replay.requireFresh(timestamp, clock, settings.replayWindow(), "timestamp");
        String nonce = ctx.queryParam("nonce");
        if (nonce.length() > 64) {
            throw new ApiException(400, "nonce must be at most 64 characters");
        }
        if (!channels.firstUse(WECHAT, timestamp.strip() + ":" + nonce, clock.instant(), settings.replayWindow())) {
            throw new ApiException(401, "this timestamp and nonce were used already (a replayed request)");
        }
    }

    private static WechatMessage parse(byte[] xml) {
        return parsing(() -> WechatXml.parse(xml));
    }

    private static <T> T parsing(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
