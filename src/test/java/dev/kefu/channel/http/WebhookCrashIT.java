package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.HmacSignature;
import dev.kefu.store.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} trials of the generic webhook's dedup and of ordered delivery, with the shaded
 * jar as a process, on SQLite (and on PostgreSQL under {@code kefu.test.db=postgresql}). Before
 * issue 17, claim, turn and stored reply were three transactions, and a resend after the kill
 * answered about a quarter of the in-flight messages twice; with the key written in a transaction
 * of its own after the turn's, this test still found messages answered twice.
 */
class WebhookCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "crash-webhook-secret";
    private static final String AGENT = "crash-agent-token";
    private static final int MESSAGES = 100;
    private static final int USERS = 20;
    private static final int TRIALS = 3;
    /** The kill comes right after this message is sent (of 100 sent 2 ms apart) in each trial: early, halfway, late. */
    private static final int[] KILL_AT = {10, 40, 70};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** The database options and credentials: an SQLite file in {@code home}, or a fresh PostgreSQL database. */
    private static List<String> database(Map<String, String> env) {
        if (!"postgresql".equals(System.getProperty("kefu.test.db"))) {
            return List.of();
        }
        env.put("KEFU_DB_USER", PostgresServer.USER);
        env.put("KEFU_DB_PASSWORD", PostgresServer.PASSWORD);
        return List.of("--db", PostgresServer.shared().newDatabase());
    }

    private HttpRequest message(KefuProcess kefu, int i) {
        String body = "{\"userId\": \"crash-user-" + (i % USERS) + "\", \"text\": \"退款多久到账 第" + i
                + "次\", \"messageId\": \"crash-" + i + "\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic")).timeout(Duration.ofSeconds(20))
                .header("X-Kefu-Timestamp", timestamp)
                .header("X-Kefu-Signature", new HmacSignature(SECRET).sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void messages_in_flight_at_a_kill_9_are_answered_exactly_once_when_resent() throws Exception {
        for (int trial = 1; trial <= TRIALS; trial++) {
            Path home = Files.createDirectories(dir.resolve("trial-" + trial));
            Map<String, String> env = new HashMap<>(Map.of("KEFU_WEBHOOK_SECRET", SECRET));
            List<String> options = database(env);
            KefuProcess first = KefuProcess.start(home, env, options);
            warmUp(first); // a warm server answers in milliseconds: the kill then lands among commits, not before them
            AtomicInteger answered = new AtomicInteger();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            int killAt = KILL_AT[trial - 1];
            for (int i = 0; i < MESSAGES; i++) {
                inFlight.add(http.sendAsync(message(first, i), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> answered.incrementAndGet()));
                if (i == killAt) {
                    first.kill(); // SIGKILL: no shutdown hook runs; the messages still to come are lost
                }
                Thread.sleep(2); // a platform's pace: some messages are always in flight when the kill comes
            }
            Map<Integer, JsonNode> before = new HashMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                try {
                    HttpResponse<String> r = inFlight.get(i).join();
                    if (r.statusCode() == 200) {
                        before.put(i, JSON.readTree(r.body()));
                    }
                } catch (RuntimeException lost) {
                    // cut off by the kill: the platform resends it
                }
            }
            try (KefuProcess second = KefuProcess.start(home, env, options)) {
                Map<Integer, JsonNode> after = resendAll(second);
                int twice = 0;
                Map<String, List<String>> userLines = new HashMap<>();
                for (JsonNode reply : after.values()) {
                    String conversation = reply.get("conversationId").asText();
                    userLines.computeIfAbsent(conversation, c -> userLines(second, c));
                }
                for (int i = 0; i < MESSAGES; i++) {
                    String text = "退款多久到账 第" + i + "次";
                    long lines = userLines.get(after.get(i).get("conversationId").asText()).stream()
                            .filter(text::equals).count();
                    assertThat(lines).as("trial " + trial + ": message " + i + " has one turn").isEqualTo(1);
                    twice += lines > 1 ? 1 : 0;
                    if (before.containsKey(i)) {
                        assertThat(after.get(i).get("messageId").asLong()).as("the resend gets the first reply")
                                .isEqualTo(before.get(i).get("messageId").asLong());
                    }
                }
                System.out.printf("WebhookCrashIT trial %d (%s): kill -9 after sending %d of %d, %d answered before "
                        + "it, %d in flight; %d answered twice after resending all%n", trial,
                        options.isEmpty() ? "sqlite" : "postgresql", killAt + 1, MESSAGES, before.size(),
                        killAt + 1 - before.size(), twice);
            }
        }
    }

    /** 60 messages of other users, answered before the trial starts. */
    private void warmUp(KefuProcess kefu) throws Exception {
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"userId\": \"warm-" + i + "\", \"text\": \"忘记密码了\", \"messageId\": \"w-" + round + "\"}";
                String timestamp = String.valueOf(Instant.now().getEpochSecond());
                sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic"))
                        .header("X-Kefu-Timestamp", timestamp).header("X-Kefu-Signature", new HmacSignature(SECRET)
                                .sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            sent.forEach(CompletableFuture::join);
        }
    }

    /** Every message sent again until it gets 200 (a 409 from a racing turn is sent again). */
    private Map<Integer, JsonNode> resendAll(KefuProcess kefu) throws Exception {
        Map<Integer, JsonNode> replies = new HashMap<>();
        for (int round = 0; round < 20 && replies.size() < MESSAGES; round++) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                if (!replies.containsKey(i)) {
                    ids.add(i);
                    sent.add(http.sendAsync(message(kefu, i), HttpResponse.BodyHandlers.ofString()));
                }
            }
            for (int k = 0; k < ids.size(); k++) {
                HttpResponse<String> r = sent.get(k).join();
                if (r.statusCode() == 200) {
                    replies.put(ids.get(k), JSON.readTree(r.body()));
                } else {
                    assertThat(r.statusCode()).as(r.body()).isIn(409, 503);
                }
            }
        }
        assertThat(replies).hasSize(MESSAGES);
        return replies;
    }

    private List<String> userLines(KefuProcess kefu, String conversation) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kefu.url() + "api/conversations/"
                    + conversation + "/messages")).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = new ArrayList<>();
            for (JsonNode line : JSON.readTree(r.body()).get("messages")) {
                if (line.get("role").asText().equals("user")) {
                    lines.add(line.get("text").asText());
                }
            }
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void agent_replies_to_one_user_arrive_in_order_across_a_transient_failure_and_a_kill_9() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            Map<String, String> env = new HashMap<>(Map.of("KEFU_AGENT_TOKEN", AGENT, "KEFU_WEBHOOK_SECRET", SECRET,
                    "KEFU_WEBHOOK_CALLBACK_URL", platform.base() + "/callback"));
            List<String> options = database(env);
            AtomicInteger firstAttempts = new AtomicInteger();
            // the receiver fails message 1 (503) on its first two attempts; 2 and 3 would overtake it
            platform.script(call -> call.body().contains("第一条") && firstAttempts.incrementAndGet() <= 2
                    ? new FakePlatform.Answer(503, "{}") : null);
            KefuProcess first = KefuProcess.start(dir, env, options);
            String ticket = handoff(first, "order-user");
            agent(first, "POST", "api/agent/tickets/" + ticket + "/claim", null);
            for (String text : List.of("第一条", "第二条", "第三条")) {
                agent(first, "POST", "api/agent/tickets/" + ticket + "/messages", "{\"text\": \"" + text + "\"}");
            }
            platform.await(c -> c.body().contains("第一条"), 10); // the first failed attempt
            Thread.sleep(300); // its failure is stored (next attempt in 1 s): the kill falls between two attempts
            first.kill();
            try (KefuProcess second = KefuProcess.start(dir, env, options)) {
                platform.await(c -> c.body().contains("第三条"), 30);
                List<String> texts = new ArrayList<>();
                for (FakePlatform.Call call : platform.calls()) {
                    texts.add(JSON.readTree(call.body()).get("text").asText());
                }
                assertThat(texts).as("message 1 until it is accepted, then 2 and 3, each once: " + texts)
                        .filteredOn(t -> !t.equals("第一条")).containsExactly("第二条", "第三条");
                assertThat(texts.lastIndexOf("第一条")).as("nothing overtook message 1: " + texts)
                        .isLessThan(texts.indexOf("第二条"));
                assertThat(firstAttempts.get()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    private String handoff(KefuProcess kefu, String user) throws Exception {
        String body = "{\"userId\": \"" + user + "\", \"text\": \"转人工\", \"messageId\": \"h-1\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic"))
                .header("X-Kefu-Timestamp", timestamp)
                .header("X-Kefu-Signature", new HmacSignature(SECRET).sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(r.body()).get("action").asText()).isEqualTo("handoff");
        JsonNode tickets = JSON.readTree(agent(kefu, "GET", "api/agent/tickets?status=waiting", null)).get("tickets");
        return tickets.get(0).get("ticketId").asText();
    }

    private String agent(KefuProcess kefu, String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kefu.url() + path))
                .header("Authorization", "Bearer " + AGENT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r.body();
    }
}
