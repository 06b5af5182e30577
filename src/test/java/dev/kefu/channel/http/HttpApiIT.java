package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every contract of the HTTP API, over HTTP, against the real server on port 0. */
class HttpApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("data/kefu.db"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode say(String conversationId, String text) throws Exception {
        return server.say(conversationId, text);
    }

    @Test
    void a_question_is_answered_with_the_documented_fields() throws Exception {
        JsonNode reply = say(null, "退款多久到账");
        assertThat(reply.get("conversationId").asText()).isNotBlank();
        assertThat(reply.get("action").asText()).isEqualTo("answer");
        assertThat(reply.get("intent").asText()).isEqualTo("refund_time");
        assertThat(reply.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(reply.get("reply").asText()).contains("3 至 5 个工作日");
        assertThat(reply.get("faqId").asText()).isEqualTo("refund-time");
        assertThat(reply.get("suggestions")).isNotEmpty();
        assertThat(reply.get("suggestions").get(0).has("faqId")).isTrue();
        assertThat(reply.get("suggestions").get(0).has("question")).isTrue();
        assertThat(reply.get("handoff").isNull()).isTrue();
    }

    @Test
    void a_conversation_continues_across_requests() throws Exception {
        String id = say(null, "今天天气怎么样").get("conversationId").asText();
        JsonNode second = say(id, "讲个笑话");
        assertThat(second.get("conversationId").asText()).isEqualTo(id);
        assertThat(second.get("reason").asText()).as("second fallback in a row: a person offered").isEqualTo(
                "repeated_fallback");
        JsonNode yes = say(id, "好的");
        assertThat(yes.get("action").asText()).isEqualTo("handoff");
        assertThat(yes.get("handoff").get("position").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_conversation_id_starts_a_new_conversation() throws Exception {
        JsonNode reply = say("no-such-conversation", "你好");
        assertThat(reply.get("conversationId").asText()).isNotEqualTo("no-such-conversation").isNotBlank();
    }

    @Test
    void the_transcript_lists_user_and_bot_lines_in_order() throws Exception {
        String id = say(null, "忘记密码了").get("conversationId").asText();
        say(id, "谢谢");
        HttpResponse<String> response = server.get("/api/conversations/" + id + "/messages");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode messages = JSON.readTree(response.body()).get("messages");
        assertThat(messages).hasSize(4);
        assertThat(Stream.of(0, 1, 2, 3).map(i -> messages.get(i).get("role").asText()))
                .containsExactly("user", "bot", "user", "bot");
        assertThat(messages.get(0).get("text").asText()).isEqualTo("忘记密码了");
        assertThat(messages.get(1).get("intent").asText()).isEqualTo("forgot_password");
        assertThat(messages.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void an_unknown_transcript_is_404_json() throws Exception {
        HttpResponse<String> response = server.get("/api/conversations/nope/messages");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("nope");
    }

    @Test
    void a_handed_off_conversation_keeps_its_ticket_and_its_place_while_the_bot_answers_meanwhile() throws Exception {
        String first = say(null, "转人工").get("conversationId").asText();
        JsonNode other = say(null, "我要找人工客服");
        assertThat(other.get("handoff").get("position").asInt()).isEqualTo(2);
        JsonNode again = say(first, "退款多久到账");
        assertThat(again.get("action").asText()).as("no agent has it yet").isEqualTo("answer");
        assertThat(again.get("reply").asText()).contains("工作日").contains("取消转人工");
        assertThat(again.get("handoff").get("position").asInt()).isEqualTo(1);
        JsonNode transcript = JSON.readTree(server.get("/api/conversations/" + first + "/messages").body());
        assertThat(transcript.get("handoff").get("status").asText()).isEqualTo("waiting");
    }

    @Test
    void a_stolen_account_jumps_the_queue() throws Exception {
        say(null, "转人工");
        String urgent = say(null, "我的账号被盗了").get("conversationId").asText();
        JsonNode handoff = say(urgent, "转人工").get("handoff");
        assertThat(handoff.get("position").asInt()).isEqualTo(1);
    }

    @Test
    void a_conversation_survives_a_server_restart() throws Exception {
        String id = say(null, "今天天气怎么样").get("conversationId").asText();
        server.close();
        server = new TestServer(dir.resolve("data/kefu.db"));
        JsonNode reply = say(id, "讲个笑话");
        assertThat(reply.get("conversationId").asText()).isEqualTo(id);
        assertThat(reply.get("reason").asText()).as("the first fallback was remembered").isEqualTo("repeated_fallback");
        JsonNode transcript = JSON.readTree(server.get("/api/conversations/" + id + "/messages").body());
        assertThat(transcript.get("messages")).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                            | body must be a JSON object
            []                                  | body must be a JSON object
            {}                                  | text is required
            {"text": null}                      | text is required
            {"text": 42}                        | text must be a string
            {"text": ["退款"]}                  | text must be a string
            {"text": "   "}                     | text must not be blank
            {"text": "退款", "conversationId": 7} | conversationId must be a string
            """)
    void bad_bodies_are_400_naming_the_field(String body, String error) throws Exception {
        HttpResponse<String> response = server.post("/api/messages", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith(error);
    }

    @Test
    void text_over_500_characters_is_400_and_500_is_fine() throws Exception {
        HttpResponse<String> tooLong = server.post("/api/messages", "{\"text\": \"" + "退".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("error").asText()).contains("text").contains("500");
        assertThat(server.post("/api/messages", "{\"text\": \"" + "退".repeat(500) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_over_16_kib_is_413() throws Exception {
        HttpResponse<String> response = server.post("/api/messages", "{\"text\": \"" + "a".repeat(17_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).has("error")).isTrue();
    }

    @Test
    void a_wrong_method_is_405_and_an_unknown_route_404_both_json() throws Exception {
        HttpResponse<String> wrongMethod = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                .DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(wrongMethod.body()).has("error")).isTrue();
        HttpResponse<String> unknown = server.get("/api/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).has("error")).isTrue();
    }

    @Test
    void random_bodies_never_cause_a_server_error() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            if (i % 3 == 0) {
                body = ("{\"text\": \"" + new String(body, java.nio.charset.StandardCharsets.ISO_8859_1) + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            int status = server.post("/api/messages", body).statusCode();
            assertThat(status).as("request %d", i).isIn(200, 400);
        }
    }

    @Test
    void health_reports_the_model_and_the_database() throws Exception {
        HttpResponse<String> response = server.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("database").asText()).isEqualTo("ok");
        assertThat(health.get("model").get("intents").asInt()).isEqualTo(18);
    }

    @Test
    void metrics_count_requests_decisions_and_handoffs_in_prometheus_format() throws Exception {
        say(null, "退款多久到账");
        say(null, "转人工");
        server.post("/api/messages", "{}");
        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("kefu_http_requests_seconds_count{method=\"POST\",route=\"/api/messages\",status=\"200\"} 2")
                .contains("kefu_http_requests_seconds_count{method=\"POST\",route=\"/api/messages\",status=\"400\"} 1")
                .contains("kefu_http_requests_seconds_bucket")
                .contains("kefu_decisions_total{action=\"answer\",intent=\"refund_time\"} 1")
                .contains("kefu_handoffs_total{reason=\"user_request\"} 1")
                .as("one instance orders its own turns: none is refused").contains("kefu_turns_refused_total 0.0");
    }

    @Test
    void events_stream_the_handoff_status() throws Exception {
        String id = say(null, "转人工").get("conversationId").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base + "/api/conversations/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> pending =
                server.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = pending.get(10, TimeUnit.SECONDS);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).as("how long to wait before reconnecting").isEqualTo("retry: " + EventHub.RETRY_MILLIS);
        assertThat(lines.next()).isEmpty();
        java.util.List<String> event = new java.util.ArrayList<>();
        for (String line = lines.next(); !line.isEmpty(); line = lines.next()) {
            event.add(line);
        }
        assertThat(event).contains("event: status").anyMatch(l -> l.startsWith("id: "));
        String data = event.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        assertThat(data).contains("\"state\":\"waiting\"").contains("\"position\":1");
    }

    @Test
    void the_api_allows_cross_origin_calls_from_pages_that_embed_the_widget() throws Exception {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.statusCode()).isIn(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void the_demo_page_and_the_widget_are_served() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("widget.js");
        HttpResponse<String> widget = server.get("/widget.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type").orElse("")).startsWith("application/javascript");
    }

    @Test
    void card_numbers_and_codes_are_masked_in_the_transcript_but_the_question_is_answered() throws Exception {
        JsonNode reply = say(null, "卡号6222021234567890128付款失败了，验证码是482913");
        assertThat(reply.get("intent").asText()).isEqualTo("payment_failed");
        String transcript = server.get("/api/conversations/" + reply.get("conversationId").asText() + "/messages").body();
        assertThat(transcript).doesNotContain("6222021234567890128").doesNotContain("482913")
                .contains("[银行卡 尾号0128]").contains("验证码是[已隐藏]");
        assertThat(reply.get("reply").asText()).as("warned the first time").contains("请不要在对话中发送完整的银行卡号");
        String id = reply.get("conversationId").asText();
        assertThat(say(id, "我的手机号13812345678收不到验证码").get("reply").asText()).as("and only once")
                .doesNotContain("请不要在对话中发送完整的银行卡号");
        assertThat(say(null, "退款多久到账").get("reply").asText()).as("no personal data, no warning")
                .doesNotContain("请不要在对话中发送完整的银行卡号");
    }

    @Test
    void a_database_that_stops_answering_gives_503_json_and_an_unhealthy_health_check() throws Exception {
        say(null, "你好");
        server.db().close();
        HttpResponse<String> message = server.post("/api/messages", "{\"text\": \"退款多久到账\"}");
        assertThat(message.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(message.body()).get("error").asText()).contains("storage");
        assertThat(message.body()).doesNotContain("Exception");
        HttpResponse<String> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).get("database").asText()).isEqualTo("unavailable");
    }

    @Test
    void messages_of_one_conversation_sent_at_the_same_instant_count_as_if_sent_one_after_another() throws Exception {
        int n = 20;
        String sequential = say(null, "你好").get("conversationId").asText();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(outcome(say(sequential, "今天天气怎么样")));
        }
        String concurrent = say(null, "你好").get("conversationId").asText();
        List<JsonNode> replies = AtOnce.run(n, i -> () -> say(concurrent, "今天天气怎么样"));
        assertThat(replies).extracting(HttpApiIT::outcome).as("each failure counted once: one fallback, then offers")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines(concurrent)).isEqualTo(lines(sequential)).containsEntry("user", n + 1);
        assertThat(tickets(concurrent)).as("a person offered, never forced").isZero();
        String asking = say(null, "你好").get("conversationId").asText();
        AtOnce.run(n, i -> () -> say(asking, "转人工"));
        assertThat(tickets(asking)).as("one ticket").isEqualTo(1);
    }

    private int tickets(String conversation) {
        return server.db().read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tickets WHERE conversation_id = ?")) {
                s.setString(1, conversation);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    private static String outcome(JsonNode reply) {
        return reply.get("action").asText() + "/" + reply.get("reason").asText();
    }

    /** How many transcript lines each role has in {@code conversation}. */
    private Map<String, Integer> lines(String conversation) throws Exception {
        Map<String, Integer> lines = new TreeMap<>();
        JSON.readTree(server.get("/api/conversations/" + conversation + "/messages").body()).get("messages")
                .forEach(line -> lines.merge(line.get("role").asText(), 1, Integer::sum));
        return lines;
    }
}
