package dev.kefu.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * WeChat's customer-service message API: an access token from {@code /cgi-bin/token} (cached
 * until shortly before it expires), then {@code /cgi-bin/message/custom/send}. WeChat answers
 * HTTP 200 with {@code errcode} ≠ 0 on failure, which counts as a failed delivery. Thread-safe.
 */
public final class WechatSender implements OutboundSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiBase;
    private final String appId;
    private final String secret;
    private final Clock clock;
    private final HttpDelivery http = new HttpDelivery();
    private String token;
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
        JsonNode answer = read(http.send(HttpDelivery.post(apiBase + "/cgi-bin/message/custom/send?access_token="
                + encode(accessToken()), body)));
        int code = answer.path("errcode").asInt(0);
        if (code == 40001 || code == 42001) {
            invalidateToken();
        }
        if (code != 0) {
            throw new DeliveryException("WeChat refused the message: errcode " + code + " " + answer.path("errmsg").asText());
        }
    }

    private synchronized String accessToken() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        JsonNode answer = read(http.send(HttpRequest.newBuilder(URI.create(apiBase + "/cgi-bin/token?grant_type=client_credential&appid="
                + encode(appId) + "&secret=" + encode(secret))).GET()));
        if (!answer.hasNonNull("access_token")) {
            throw new DeliveryException("WeChat gave no access token: errcode " + answer.path("errcode").asInt());
        }
        token = answer.get("access_token").asText();
        long seconds = answer.path("expires_in").asLong(7200);
        tokenExpires = clock.instant().plusSeconds(Math.max(60, seconds - 300)); // renew 5 minutes early
        return token;
    }

    private synchronized void invalidateToken() {
        token = null;
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
