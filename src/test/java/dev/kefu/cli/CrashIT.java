package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of the server loses nothing it acknowledged and duplicates nothing. */
class CrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();

    private record Server(Process process, String base) {
    }

    private static Server start(Path db) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", "target/kefu.jar", "serve", "--port", "0",
                "--db", "jdbc:sqlite:" + db).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KEFU_AGENT_TOKEN", "crash-test");
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                return new Server(process, ready.group(1));
            }
        }
        throw new AssertionError("server exited before it was ready: " + process.waitFor());
    }

    private JsonNode post(String base, Map<String, String> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String base, String path, boolean agent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (agent) {
            request.header("Authorization", "Bearer crash-test");
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void kill_9_right_after_acknowledged_messages_and_tickets_loses_nothing(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("kefu.db");
        Server first = start(db);
        List<String> conversations = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        String ratedFaq;
        try {
            JsonNode rated = post(first.base(), Map.of("text", "忘记密码了"));
            HttpResponse<String> feedback = http.send(HttpRequest.newBuilder(URI.create(first.base() + "/api/conversations/"
                    + rated.get("conversationId").asText() + "/feedback")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"messageId\": " + rated.get("messageId").asLong()
                            + ", \"helpful\": false}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
            ratedFaq = rated.get("faqId").asText();
            for (int i = 0; i < 5; i++) {
                String id = post(first.base(), Map.of("text", "退款多久到账")).get("conversationId").asText();
                JsonNode handoff = post(first.base(), Map.of("conversationId", id, "text", "转人工"));
                tickets.add(handoff.get("handoff").get("ticketId").asText());
                post(first.base(), Map.of("conversationId", id, "text", "第 " + i + " 位用户还在等"));
                conversations.add(id);
            }
        } finally {
            first.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }

        Server second = start(db);
        try {
            for (int i = 0; i < conversations.size(); i++) {
                JsonNode transcript = get(second.base(), "/api/conversations/" + conversations.get(i) + "/messages", false);
                List<String> lines = new ArrayList<>();
                transcript.get("messages").forEach(m -> lines.add(m.get("role").asText() + ":" + m.get("text").asText()));
                assertThat(lines).as("conversation %d: every acknowledged line, the bot's answer while waiting too", i)
                        .hasSize(6).containsSubsequence("user:退款多久到账", "user:转人工", "user:第 " + i + " 位用户还在等");
                assertThat(lines.get(5)).startsWith("bot:").contains("取消转人工");
                assertThat(transcript.get("handoff").get("ticketId").asText()).isEqualTo(tickets.get(i));
            }
            JsonNode waiting = get(second.base(), "/api/agent/tickets?status=waiting", true).get("tickets");
            List<String> ids = new ArrayList<>();
            waiting.forEach(t -> ids.add(t.get("ticketId").asText()));
            assertThat(ids).containsExactlyInAnyOrderElementsOf(tickets);
            JsonNode faqs = get(second.base(), "/api/agent/feedback", true).get("faqs");
            List<String> ratings = new ArrayList<>();
            faqs.forEach(f -> ratings.add(f.get("faqId").asText() + ":" + f.get("notHelpful").asInt()));
            assertThat(ratings).as("the acknowledged rating survived").contains(ratedFaq + ":1");
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }

    @Test
    void sigterm_during_requests_stops_cleanly_and_keeps_every_acknowledged_message(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("kefu.db");
        Server first = start(db);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = JSON.writeValueAsString(Map.of("text", "第 " + i + " 个问题：退款多久到账"));
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(first.base() + "/api/messages"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        inFlight.get(0).join(); // the server is busy with the rest when the signal arrives
        first.process().destroy(); // SIGTERM: the shutdown hook stops the server, drains writes, closes the database
        assertThat(first.process().waitFor(15, java.util.concurrent.TimeUnit.SECONDS)).as("exits within 15 s").isTrue();
        List<String> acknowledged = new ArrayList<>();
        for (var future : inFlight) {
            try {
                HttpResponse<String> response = future.join();
                assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
                if (response.statusCode() == 200) {
                    acknowledged.add(JSON.readTree(response.body()).get("conversationId").asText());
                }
            } catch (java.util.concurrent.CompletionException refused) {
                // not accepted before the server stopped listening: nothing was acknowledged
            }
        }
        assertThat(acknowledged).isNotEmpty();
        Server second = start(db);
        try {
            for (String id : acknowledged) {
                JsonNode transcript = get(second.base(), "/api/conversations/" + id + "/messages", false);
                assertThat(transcript.get("messages")).as(id).hasSize(2);
            }
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }
}
