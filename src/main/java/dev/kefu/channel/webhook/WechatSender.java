package dev.kefu.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * WeChat's customer-service message API: an access token from {@code /cgi-bin/stable_token}
 * (cached until shortly before it expires), then {@code /cgi-bin/message/custom/send}. WeChat
 * answers HTTP 200 with {@code errcode} ≠ 0 on failure: 40001, 42001 and 40014 drop the token; the
 * errcodes listed in {@code delivery.properties} (45015 outside the 48-hour window, 43004, 40003,
 * 45047) are permanent and dead-lettered with their reason; others are retried. Thread-safe.
 */
public final class WechatSender implements OutboundSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiBase;
    private final String appId;
    private final String secret;
    private final Clock clock;
    private final HttpDelivery http = new HttpDelivery();
    private final DeliveryNotes notes = new DeliveryNotes();
    private String token;
    /** The last token WeChat refused (40001, 42001, 40014), until a fresh one is fetched. */
    private String rejected;
    private Instant tokenExpires = Instant.EPOCH;

    /** {@code apiBase}: {@code https://api.weixin.qq.com}, or a local fake in tests. */
    public WechatSender(String apiBase, String appId, String secret, Clock clock) {
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase").replaceAll("/+$", "");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String channel() {
        return "wechat";
    }

    @Override
    public void send(OutboundMessage message) {
        String body = json(Map.of("touser", message.userId(), "msgtype", "text", "text", Map.of("content", message.text())));
        String used = accessToken();
        JsonNode answer = read(http.send(HttpDelivery.post(apiBase + "/cgi-bin/message/custom/send?access_token="
                + encode(used), body)));
        int code = answer.path("errcode").asInt(0);
        if (code == 40001 || code == 42001 || code == 40014) { // invalid, expired or malformed token: fetch another
            invalidateToken(used);
        }
        if (code != 0) {
            String error = "WeChat refused the message: errcode " + code + " " + answer.path("errmsg").asText();
            throw notes.has("wechat." + code) ? DeliveryException.permanent(error, notes.reason("wechat." + code,
                    Map.of()) + "（errcode " + code + "）") : new DeliveryException(error);
        }
    }

    /**
     * The access token from WeChat's {@code stable_token} endpoint: every kefu instance (and any
     * other system of the account using it) gets the same token while it is valid, so that one
     * instance fetching a token never invalidates another's, as {@code /cgi-bin/token} does. After
     * WeChat refused the cached token, the next fetch asks for a new one ({@code force_refresh}).
     */
    private synchronized String accessToken() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        boolean force = rejected != null;
        JsonNode answer = read(http.send(HttpDelivery.post(apiBase + "/cgi-bin/stable_token", json(Map.of(
                "grant_type", "client_credential", "appid", appId, "secret", secret, "force_refresh", force)))));
        if (!answer.hasNonNull("access_token")) {
            throw new DeliveryException("WeChat gave no access token: errcode " + answer.path("errcode").asInt() + " "
                    + answer.path("errmsg").asText());
        }
        token = answer.get("access_token").asText();
        rejected = null;
        long seconds = answer.path("expires_in").asLong(7200);
        tokenExpires = clock.instant().plusSeconds(Math.max(60, seconds - 300)); // renew 5 minutes early
        return token;
    }

    private synchronized void invalidateToken(String used) {
        if (used.equals(token)) {
            token = null;
            rejected = used;
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DeliveryException("WeChat answered with something that is not JSON", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
