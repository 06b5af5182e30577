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
import java.util.List;
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
    void an_agent_reply_reaches_the_generic_callback_signed_and_the_phone_number_user_id_is_not_kept(@TempDir Path dir)
            throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            String body = "{\"userId\": \"13912345678\", \"text\": \"转人工\", \"messageId\": \"g-1\"}";
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
            assertThat(sent.get("userId").asText()).isEqualTo("13912345678");
            assertThat(sent.get("text").asText()).isEqualTo("请提供订单号");
            try (dev.kefu.store.Database db = dev.kefu.store.Database.open("jdbc:sqlite:" + dir.resolve("kefu.db"))) {
                // the worker marks the row delivered once the callback has answered: poll for it
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                int settled = 0;
                while (settled == 0 && System.nanoTime() < deadline) {
                    settled = db.read(c -> {
                        try (java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox "
                                + "WHERE delivered_at IS NOT NULL AND address IS NULL AND user_id LIKE 'u1.%'")) {
                            return r.next() ? r.getInt(1) : 0;
                        }
                    });
                    Thread.sleep(settled == 0 ? 50 : 0);
                }
                assertThat(settled).as("the delivered reply keeps only the pseudonym").isEqualTo(1);
            }
            assertThat(java.nio.file.Files.readString(kefu.log())).doesNotContain("13912345678");
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
                // killed during an attempt, the row stays leased (OutboxWorker.LEASE, 2 min) before it is retried
                platform.await(c -> c.path().equals("/cgi-bin/message/custom/send")
                        && c.body().contains("稍等，正在为您核实"), 150);
                Thread.sleep(1_500);
                assertThat(platform.calls().stream().filter(c -> c.path().equals("/cgi-bin/message/custom/send"))).hasSize(1);
            }
        }
    }

    private JsonNode transcriptOf(KefuProcess kefu, String ticket) throws Exception {
        String conversation = JSON.readTree(agent(kefu, "GET", "api/agent/tickets/" + ticket, null).body())
                .get("conversationId").asText();
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(kefu.url() + "api/conversations/" + conversation
                + "/messages")).GET()).body()).get("messages");
    }

    /** Waits up to 15 s for a transcript line of {@code ticket}'s conversation with reason {@code undelivered}. */
    private JsonNode undeliveredLine(KefuProcess kefu, String ticket) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode line : transcriptOf(kefu, ticket)) {
                if (line.get("role").asText().equals("system") && "undelivered".equals(line.path("reason").asText())) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no undelivered line in " + transcriptOf(kefu, ticket));
    }

    private static long count(FakePlatform platform, String path) {
        return platform.calls().stream().filter(c -> c.path().equals(path)).count();
    }

    @Test
    void a_reply_outside_the_48_hour_window_is_dead_lettered_once_and_the_agent_reads_why(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            platform.script(c -> c.path().equals("/cgi-bin/message/custom/send") ? new FakePlatform.Answer(200,
                    "{\"errcode\": 45015, \"errmsg\": \"response out of time limit or subscription is canceled\"}") : null);
            String ticket = wechatHandoff(kefu, "o_expired_1");
            claimAndReply(kefu, ticket, "您好，您的退款已经到账");
            JsonNode line = undeliveredLine(kefu, ticket);
            assertThat(line.get("text").asText()).contains("未送达").contains("用户超过 48 小时未互动，无法发送")
                    .contains("45015").contains("您好，您的退款已经到账");
            Thread.sleep(1_500); // a retry would have come by now (backoff 1 s)
            assertThat(count(platform, "/cgi-bin/message/custom/send")).as("permanent: not retried").isEqualTo(1);
            String metrics = send(HttpRequest.newBuilder(URI.create(kefu.url() + "metrics")).GET()).body();
            assertThat(metrics).contains("kefu_outbox_dead_letters_total 1").contains("kefu_outbox_backlog 0")
                    .contains("kefu_outbox_delivered_total 0");
        }
    }

    @Test
    void a_callback_answering_4xx_is_dead_lettered_while_a_5xx_is_retried_until_delivered(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
            platform.script(c -> !c.path().equals("/callback") ? null : c.body().contains("格式不对")
                    ? new FakePlatform.Answer(422, "{\"error\": \"bad\"}")
                    : c.body().contains("稍后送达") && busy.incrementAndGet() == 1 ? new FakePlatform.Answer(503, "{}") : null);
            String body = "{\"userId\": \"app-user-9\", \"text\": \"转人工\", \"messageId\": \"g-9\"}";
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            send(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic"))
                    .header("X-Kefu-Signature", new HmacSignature(SECRET).sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                    .header("X-Kefu-Timestamp", timestamp).POST(HttpRequest.BodyPublishers.ofString(body)));
            String ticket = waitingTicket(kefu);
            claimAndReply(kefu, ticket, "格式不对的消息");
            assertThat(agent(kefu, "POST", "api/agent/tickets/" + ticket + "/messages",
                    JSON.writeValueAsString(Map.of("text", "稍后送达的消息"))).statusCode()).isEqualTo(201);
            assertThat(undeliveredLine(kefu, ticket).get("text").asText()).contains("HTTP 422").contains("格式不对的消息");
            platform.await(c -> c.body().contains("稍后送达") && busy.get() >= 2, 15);
            assertThat(platform.calls().stream().filter(c -> c.body().contains("格式不对"))).as("a 4xx is final").hasSize(1);
            assertThat(busy.get()).as("the 503 was retried, once was enough").isEqualTo(2);
        }
    }

    @Test
    void a_40014_token_is_dropped_and_a_fresh_stable_token_delivers_the_message(@TempDir Path dir) throws Exception {
        try (FakePlatform platform = new FakePlatform(); KefuProcess kefu = KefuProcess.start(dir, env(platform))) {
            java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
            platform.script(c -> c.path().equals("/cgi-bin/message/custom/send") && sends.incrementAndGet() == 1
                    ? new FakePlatform.Answer(200, "{\"errcode\": 40014, \"errmsg\": \"invalid access_token\"}") : null);
            String ticket = wechatHandoff(kefu, "o_token_1");
            claimAndReply(kefu, ticket, "令牌换过之后送达");
            platform.await(c -> c.path().equals("/cgi-bin/message/custom/send") && sends.get() >= 2, 15);
            List<FakePlatform.Call> tokens = platform.calls().stream().filter(c -> c.path().equals("/cgi-bin/stable_token")).toList();
            assertThat(tokens).as("one token, dropped after 40014, then a forced fresh one").hasSize(2);
            assertThat(JSON.readTree(tokens.get(0).body()).get("force_refresh").asBoolean()).isFalse();
            assertThat(JSON.readTree(tokens.get(1).body()).get("force_refresh").asBoolean()).isTrue();
        }
    }
}
