package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limit, CORS policy and security headers of the real server. */
class GuardsIT {
    @TempDir
    Path dir;

    @Test
    void a_client_over_the_rate_limit_gets_429_with_retry_after_and_health_is_not_limited() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("a.db"), new HttpServer.Limits(1, 5, List.of("*")))) {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> limited = null;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = server.post("/api/messages", "{\"text\": \"你好\"}");
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    limited = response;
                }
            }
            assertThat(statuses.subList(0, 5)).containsOnly(200);
            assertThat(statuses).contains(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(limited.body()).contains("\"error\"").contains("retry after");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void only_configured_origins_get_cors_headers() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("b.db"),
                new HttpServer.Limits(0, 0, List.of("https://shop.example.com")))) {
            HttpResponse<String> allowed = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                    .header("Origin", "https://shop.example.com").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"你好\"}")));
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
            HttpResponse<String> other = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                    .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"你好\"}")));
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(other.statusCode()).as("a request from another origin is refused, not just left unreadable")
                    .isEqualTo(403);
            HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                    .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void responses_carry_security_headers_and_the_page_a_content_security_policy() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("c.db"))) {
            HttpResponse<String> page = server.get("/");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'self'").contains("frame-ancestors"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(server.post("/api/messages", "{}").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void a_client_may_hold_only_so_many_live_streams_and_gets_a_slot_back_when_one_closes() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("d.db"))) {
            String id = server.say(null, "转人工").get("conversationId").asText();
            String url = server.base + "/api/conversations/" + id + "/events";
            List<EventStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < EventHub.MAX_PER_CLIENT; i++) {
                    EventStream stream = new EventStream(server.client(), url);
                    open.add(stream);
                    stream.next("status"); // the stream is registered once its first event arrives
                }
                HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/event-stream").GET());
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).contains("too many live connections");
                open.remove(0).close();
                EventStream again = null;
                for (int attempt = 0; attempt < 50 && again == null; attempt++) {
                    HttpResponse<String> probe = server.send(HttpRequest.newBuilder(URI.create(server.base + "/health")).GET());
                    assertThat(probe.statusCode()).isEqualTo(200);
                    EventStream candidate = new EventStream(server.client(), url);
                    try {
                        candidate.next("status");
                        again = candidate;
                    } catch (AssertionError stillFull) {
                        candidate.close();
                    }
                }
                assertThat(again).as("a slot frees up when a stream closes").isNotNull();
                open.add(again);
            } finally {
                open.forEach(EventStream::close);
            }
        }
    }

    @Test
    void a_client_may_start_only_so_many_conversations_but_may_continue_them() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("e.db"), new HttpServer.Limits(0, 0, List.of("*"), 3))) {
            String first = server.say(null, "你好").get("conversationId").asText();
            server.say(null, "退款多久到账");
            server.say(null, "忘记密码了");
            HttpResponse<String> fourth = server.post("/api/messages", "{\"text\": \"转人工\"}");
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
            assertThat(fourth.body()).contains("too many new conversations");
            assertThat(server.say(first, "谢谢").get("conversationId").asText()).isEqualTo(first);
        }
    }
}
