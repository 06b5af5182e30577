package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.HmacSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent replies leave kefu through the outbox to a local fake platform: WeChat's customer-service
 * API and a generic callback, retried while the platform is down, also across a kefu crash.
 */
class WebhookDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "delivery-agent-token";
    private static final String WECHAT = "delivery-wechat-token";
    private static final String SECRET = "delivery-webhook-secret";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> env(FakePlatform platform) {
        return Map.of("KEFU_AGENT_TOKEN", AGENT, "KEFU_WECHAT_TOKEN", WECHAT, "KEFU_WECHAT_APPID", "wx-app",
                "KEFU_WECHAT_SECRET", "wx-secret", "KEFU_WECHAT_API_BASE", platform.base(),
                "KEFU_WEBHOOK_SECRET", SECRET, "KEFU_WEBHOOK_CALLBACK_URL", platform.base() + "/callback");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String wechatHandoff(KefuProcess kefu, String openId) throws Exception {
        String xml = WebhookIT.textXml(openId, "转人工", System.nanoTime());
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/wechat"
                + WebhookIT.signedQuery(WECHAT, ""))).POST(HttpRequest.BodyPublishers.ofString(xml)));
        assertThat(reply.body()).contains("人工客服");
        return waitingTicket(kefu);
    }

    private String waitingTicket(KefuProcess kefu) throws Exception {
        JsonNode tickets = JSON.readTree(agent(kefu, "GET", "api/agent/tickets?status=waiting", null).body()).get("tickets");
        return tickets.get(tickets.size() - 1).get("ticketId").asText();
    }

    private HttpResponse<String> agent(KefuProcess kefu, String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(kefu.url() + path)).header("Authorization", "Bearer " + AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private void claimAndReply(KefuProcess kefu, String ticket, String text) throws Exception {
        assertThat(agent(kefu, "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agent(kefu, "POST", "api/agent/tickets/" + ticket + "/messages",
                JSON.writeValueAsString(Map.of("text", text))).statusCode()).isEqualTo(201);
    }

    @Test
    void an_agent_reply_reaches_the_wechat_user_through_the_customer_service_api(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            String ticket = wechatHandoff(kefu, "o_delivery_1");
            claimAndReply(kefu, ticket, "您好，我是人工客服小王");
            FakePlatform.Call call = platform.await(c -> c.path().equals("/cgi-bin/message/custom/send"), 15);
            assertThat(call.query()).contains("access_token=fake-access-token");
            JsonNode sent = JSON.readTree(call.body());
            assertThat(sent.get("touser").asText()).isEqualTo("o_delivery_1");
            assertThat(sent.get("text").get("content").asText()).isEqualTo("您好，我是人工客服小王");
        }
    }

    @Test
    void an_agent_reply_reaches_the_generic_callback_signed(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            String body = "{\"userId\": \"app-user-7\", \"text\": \"转人工\", \"messageId\": \"g-1\"}";
            HmacSignature signature = new HmacSignature(SECRET);
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic"))
                    .header("X-Kefu-Signature", signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                    .header("X-Kefu-Timestamp", timestamp)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(JSON.readTree(reply.body()).get("action").asText()).isEqualTo("handoff");
            claimAndReply(kefu, waitingTicket(kefu), "请提供订单号");
            FakePlatform.Call call = platform.await(c -> c.path().equals("/callback"), 15);
            assertThat(signature.verify(call.timestamp(), call.body().getBytes(StandardCharsets.UTF_8), call.signature()))
                    .as("signed over X-Kefu-Timestamp + \".\" + body").isTrue();
            JsonNode sent = JSON.readTree(call.body());
            assertThat(sent.get("userId").asText()).isEqualTo("app-user-7");
            assertThat(sent.get("text").asText()).isEqualTo("请提供订单号");
        }
    }

    @Test
    void a_reply_made_while_the_platform_is_down_is_delivered_once_after_a_kefu_crash(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.down(true);
            KefuProcess first = KefuProcess.start(dir, env(platform));
            String ticket = wechatHandoff(first, "o_delivery_2");
            claimAndReply(first, ticket, "稍等，正在为您核实");
            Thread.sleep(1_500); // at least one failed attempt while the platform is down
            first.kill();
            platform.down(false);
            try (KefuProcess second = KefuProcess.start(dir, env(platform))) {
                platform.await(c -> c.path().equals("/cgi-bin/message/custom/send")
                        && c.body().contains("稍等，正在为您核实"), 20);
                Thread.sleep(1_500);
                assertThat(platform.calls().stream().filter(c -> c.path().equals("/cgi-bin/message/custom/send"))).hasSize(1);
            }
        }
    }
}
