package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile requests against every public route of the real server: never a 5xx,
 * never a stack trace, and the server is healthy and answering afterwards.
 */
class FuzzIT {
    private static final List<String> NASTY = List.of(
            "'; DROP TABLE conversations; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "{{7*7}}", "${jndi:ldap://x/a}", "../../etc/passwd", "\u0000\u0001\u0002", "\uD83D\uDE00\uD83D", "\uDC00",
            "\u202E\u200B\u2028\u2029", "9".repeat(400), "-1e308", "NaN", "退款".repeat(260), "null", "[]", "{}");
    private static final List<String> ROUTES = List.of("/api/messages", "/webhook/generic", "/webhook/wechat",
            "/api/agent/tickets/x/messages", "/api/agent/tickets/x/claim");

    @TempDir
    Path dir;

    private static String json(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 5 : 8)) {
            case 0 -> "\"" + NASTY.get(random.nextInt(NASTY.size())).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 1 -> String.valueOf(random.nextLong()) + "e" + random.nextInt(400);
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> "\"" + "\\ud83d".repeat(random.nextInt(3)) + "\\u0000x\"";
            case 4 -> "12345678901234567890123456789012345678901234567890";
            case 5 -> "[" + json(random, depth + 1) + "," + json(random, depth + 1) + "]";
            case 6 -> "{\"text\":" + json(random, depth + 1) + ",\"conversationId\":" + json(random, depth + 1) + "}";
            default -> "{\"text\":" + json(random, depth + 1) + ",\"userId\":" + json(random, depth + 1)
                    + ",\"messageId\":" + json(random, depth + 1) + "}";
        };
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xF0, (byte) 0x9F, '}'}; // invalid UTF-8
            case 2 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8); // deep nesting
            case 3 -> ("<xml><ToUserName>" + NASTY.get(random.nextInt(NASTY.size())) + "</ToUserName></xml>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> json(random, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void hostile_requests_never_cause_a_server_error_or_a_stack_trace() throws Exception {
        Random random = new Random(20261126);
        try (TestServer server = new TestServer(dir.resolve("kefu.db"))) {
            for (int i = 0; i < 3_000; i++) {
                String route = ROUTES.get(random.nextInt(ROUTES.size()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + route
                        + (random.nextBoolean() ? "?signature=" + URLEncoder.encode(NASTY.get(random.nextInt(NASTY.size())),
                        StandardCharsets.UTF_8) + "&timestamp=1&nonce=2" : "")))
                        .header("Content-Type", random.nextBoolean() ? "application/json" : "text/xml; charset=gbk")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body(random)));
                if (random.nextBoolean()) {
                    request.header("Authorization", "Bearer " + TestServer.AGENT_TOKEN);
                    request.header("X-Kefu-Signature", "sha256=" + Long.toHexString(random.nextLong()));
                    request.header("X-Kefu-Timestamp", String.valueOf(random.nextLong()));
                }
                HttpResponse<String> response = server.send(request);
                assertThat(response.statusCode()).as("request %d to %s: %s", i, route, response.body()).isLessThan(500);
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            }
            for (int i = 0; i < 200; i++) {
                String id = URLEncoder.encode(NASTY.get(random.nextInt(NASTY.size())), StandardCharsets.UTF_8);
                assertThat(server.get("/api/conversations/" + id + "/messages").statusCode()).isLessThan(500);
            }
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            assertThat(server.say(null, "退款多久到账").get("action").asText()).isEqualTo("answer");
        }
    }
}
