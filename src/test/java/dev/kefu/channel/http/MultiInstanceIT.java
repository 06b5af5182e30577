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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kefu processes (the shaded jar) on one PostgreSQL database, as behind a load balancer: a
 * conversation moves between them, an agent on one answers a user on the other live, claims race
 * across them, the outbox is delivered once, and {@code kill -9} of one loses nothing.
 */
class MultiInstanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_TOKEN = "multi-instance-agent";
    private static final String SECRET = "multi-instance-webhook-secret";
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private FakePlatform platform;
    private String url;
    private KefuProcess a;
    private KefuProcess b;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
        url = PostgresServer.shared().newDatabase();
        // started together: both run the migrations on the empty database at once
        CompletableFuture<KefuProcess> first = CompletableFuture.supplyAsync(() -> instance("a"));
        CompletableFuture<KefuProcess> second = CompletableFuture.supplyAsync(() -> instance("b"));
        a = first.join();
        b = second.join();
    }

    private KefuProcess instance(String name) {
        try {
            Path home = Files.createDirectories(dir.resolve(name));
            return KefuProcess.start(home, env(), List.of("--db", url));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KEFU_AGENT_TOKEN", AGENT_TOKEN);
        env.put("KEFU_DB_USER", PostgresServer.USER);
        env.put("KEFU_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KEFU_WEBHOOK_SECRET", SECRET);
        env.put("KEFU_WEBHOOK_CALLBACK_URL", platform.base() + "/callback");
        return env;
    }

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        platform.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode say(KefuProcess kefu, String conversationId, String text) throws Exception {
        Map<String, String> body = conversationId == null ? Map.of("text", text)
                : Map.of("conversationId", conversationId, "text", text);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(kefu.url() + "api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode transcript(KefuProcess kefu, String conversationId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(kefu.url() + "api/conversations/" + conversationId + "/messages")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("messages");
    }

    private HttpResponse<String> agent(KefuProcess kefu, String name, String method, String path, String body)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(kefu.url() + path)).header("Authorization", "Bearer " + AGENT_TOKEN)
                .header("X-Kefu-Agent", name)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private String ticketOf(KefuProcess kefu, String conversationId) throws Exception {
        for (JsonNode ticket : JSON.readTree(agent(kefu, "agent-li", "GET", "api/agent/tickets", null).body()).get("tickets")) {
            if (ticket.get("conversationId").asText().equals(conversationId)) {
                return ticket.get("ticketId").asText();
            }
        }
        throw new AssertionError("no ticket for " + conversationId);
    }

    @Test
    void a_conversation_continues_on_the_other_instance() throws Exception {
        JsonNode clarify = say(a, null, "退款的事想问问");
        assertThat(clarify.get("action").asText()).isEqualTo("clarify");
        String id = clarify.get("conversationId").asText();
        JsonNode chosen = say(b, id, "2"); // the options offered by A are known to B
        assertThat(chosen.get("conversationId").asText()).isEqualTo(id);
        assertThat(chosen.get("reason").asText()).isEqualTo("chosen_option");
        assertThat(chosen.get("faqId").asText()).isEqualTo(clarify.get("suggestions").get(1).get("faqId").asText());
        assertThat(transcript(a, id)).hasSize(4);
        assertThat(transcript(b, id).toString()).isEqualTo(transcript(a, id).toString());
    }

    @Test
    void an_agent_on_one_instance_answers_a_user_on_the_other_live() throws Exception {
        JsonNode handoff = say(a, null, "转人工");
        String id = handoff.get("conversationId").asText();
        // the stream ticket comes from A and opens the stream on B: the instances share the token, not memory
        HttpResponse<String> issued = agent(a, "agent-li", "POST", "api/agent/stream-ticket", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String streamTicket = JSON.readTree(issued.body()).get("ticket").asText();
        try (EventStream user = new EventStream(http, a.url() + "api/conversations/" + id + "/events");
             EventStream console = new EventStream(http, b.url() + "api/agent/events?ticket=" + streamTicket)) {
            assertThat(user.next("status").data()).contains("\"waiting\"");
            console.next("hello");
            String ticket = ticketOf(b, id);
            assertThat(agent(b, "agent-li", "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
            assertThat(user.next("status").data()).contains("\"assigned\"");
            assertThat(agent(b, "agent-li", "POST", "api/agent/tickets/" + ticket + "/messages",
                    "{\"text\": \"您好，我是客服小李，请问有什么可以帮您？\"}").statusCode()).isEqualTo(201);
            EventStream.Event message = user.next("message");
            assertThat(JSON.readTree(message.data()).get("text").asText()).isEqualTo("您好，我是客服小李，请问有什么可以帮您？");
            // and the other way: the user writes on A, the agent's console on B shows it
            JsonNode silent = say(a, id, "我的订单号是 20261126001");
            assertThat(silent.get("reason").asText()).isEqualTo("with_agent");
            JsonNode seen = JSON.readTree(console.nextMatching("message", data -> data.contains("\"user\"")).data());
            assertThat(seen.get("conversationId").asText()).isEqualTo(id);
            assertThat(seen.get("text").asText()).contains("20261126001");
        }
        // the access log names the route, never the query string with the ticket (a refused stream is logged at once)
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(b.url() + "api/agent/events?ticket="
                + streamTicket + "x")));
        assertThat(refused.statusCode()).isEqualTo(401);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!Files.readString(b.log()).contains("status=401")) {
            assertThat(System.nanoTime()).as("the refused stream in B's access log").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(Files.readString(a.log())).contains("route=/api/agent/stream-ticket");
        for (KefuProcess kefu : List.of(a, b)) {
            assertThat(Files.readString(kefu.log())).doesNotContain(streamTicket).doesNotContain("ticket=")
                    .doesNotContain(AGENT_TOKEN);
        }
    }

    @Test
    void typing_signals_cross_the_instances_both_ways() throws Exception {
        String id = say(a, null, "转人工").get("conversationId").asText();
        String ticket = ticketOf(b, id);
        String streamTicket = JSON.readTree(agent(b, "agent-li", "POST", "api/agent/stream-ticket", null).body())
                .get("ticket").asText();
        assertThat(agent(b, "agent-li", "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        try (EventStream user = new EventStream(http, a.url() + "api/conversations/" + id + "/events");
             EventStream console = new EventStream(http, b.url() + "api/agent/events?ticket=" + streamTicket)) {
            user.next("status");
            console.next("hello");
            // the user types on A: the console on B is told; the agent types on B: the widget on A is told
            HttpResponse<String> userTyping = send(HttpRequest.newBuilder(URI.create(a.url() + "api/conversations/" + id
                    + "/typing")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(userTyping.statusCode()).as(userTyping.body()).isEqualTo(202);
            JsonNode seen = JSON.readTree(console.next("typing").data());
            assertThat(seen.get("conversationId").asText()).isEqualTo(id);
            HttpResponse<String> agentTyping = agent(b, "agent-li", "POST", "api/agent/tickets/" + ticket + "/typing", "{}");
            assertThat(agentTyping.statusCode()).as(agentTyping.body()).isEqualTo(202);
            assertThat(JSON.readTree(user.next("typing").data()).get("agentName").asText()).isEqualTo("agent-li");
        }
    }

    @Test
    void concurrent_claims_from_both_instances_let_exactly_one_agent_win() throws Exception {
        String id = say(a, null, "转人工").get("conversationId").asText();
        String ticket = ticketOf(b, id);
        int agents = 8;
        List<Integer> statuses = AtOnce.run(agents, i -> () -> agent(i % 2 == 0 ? a : b, "agent-" + i, "POST",
                "api/agent/tickets/" + ticket + "/claim", null).statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        JsonNode claimed = JSON.readTree(agent(a, "agent-li", "GET", "api/agent/tickets/" + ticket, null).body());
        assertThat(claimed.get("status").asText()).isEqualTo("assigned");
        assertThat(claimed.get("agent").asText()).startsWith("agent-");
    }

    @Test
    void each_agent_reply_to_a_webhook_user_is_delivered_once_though_both_instances_deliver() throws Exception {
        HttpResponse<String> handoff = generic(b, "{\"userId\": \"multi-user-1\", \"text\": \"转人工\", \"messageId\": \"m-1\"}");
        JsonNode reply = JSON.readTree(handoff.body());
        assertThat(reply.get("action").asText()).isEqualTo("handoff");
        String ticket = ticketOf(a, reply.get("conversationId").asText());
        assertThat(agent(a, "agent-wang", "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        int replies = 20;
        for (int i = 0; i < replies; i++) {
            KefuProcess kefu = i % 2 == 0 ? a : b;
            assertThat(agent(kefu, "agent-wang", "POST", "api/agent/tickets/" + ticket + "/messages",
                    JSON.writeValueAsString(Map.of("text", "第 " + i + " 条回复"))).statusCode()).isEqualTo(201);
        }
        platform.await(c -> c.body().contains("第 " + (replies - 1) + " 条回复"), 20);
        Thread.sleep(2 * 500 + 500); // both outbox workers pass at least twice more
        List<String> delivered = new ArrayList<>();
        for (FakePlatform.Call call : platform.calls()) {
            if (call.path().equals("/callback")) {
                delivered.add(JSON.readTree(call.body()).get("text").asText());
            }
        }
        assertThat(delivered).hasSize(replies).doesNotHaveDuplicates();
    }

    @Test
    void a_reload_on_one_instance_reloads_the_other_too() throws Exception {
        assertThat(agent(a, "agent-li", "POST", "api/agent/reload", null).statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (!Files.readString(b.log()).contains("models reloaded (asked by another instance)")) {
            assertThat(System.nanoTime()).as("B reloads within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(Files.readString(a.log())).doesNotContain("asked by another instance");
        assertThat(say(b, null, "退款多久到账").get("action").asText()).isEqualTo("answer");
    }

    @Test
    void kill_9_of_one_instance_loses_nothing_it_acknowledged() throws Exception {
        List<String> conversations = new ArrayList<>();
        String[] texts = {"退款多久到账", "忘记密码了", "付款一直失败", "怎么提现"};
        for (int i = 0; i < 10; i++) {
            String id = say(a, null, texts[i % texts.length]).get("conversationId").asText();
            say(a, id, "谢谢");
            conversations.add(id);
        }
        String handedOff = say(a, null, "转人工").get("conversationId").asText();
        String ticket = ticketOf(a, handedOff);
        assertThat(agent(a, "agent-zhang", "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agent(a, "agent-zhang", "POST", "api/agent/tickets/" + ticket + "/messages", "{\"text\": \"请稍等\"}")
                .statusCode()).isEqualTo(201);
        a.kill();
        a = null;
        for (String id : conversations) {
            assertThat(transcript(b, id)).hasSize(4);
        }
        JsonNode lines = transcript(b, handedOff);
        assertThat(lines.get(lines.size() - 1).get("role").asText()).isEqualTo("agent");
        assertThat(lines.get(lines.size() - 1).get("text").asText()).isEqualTo("请稍等");
        JsonNode after = JSON.readTree(agent(b, "agent-zhang", "GET", "api/agent/tickets/" + ticket, null).body());
        assertThat(after.get("status").asText()).isEqualTo("assigned");
        assertThat(say(b, conversations.get(0), "还有别的问题").get("conversationId").asText()).isEqualTo(conversations.get(0));
    }

    @Test
    void messages_of_one_conversation_sent_to_both_instances_at_once_count_as_if_sent_in_sequence() throws Exception {
        int n = 20;
        String sequential = say(a, null, "你好").get("conversationId").asText();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode reply = say(i % 2 == 0 ? a : b, sequential, "今天天气怎么样");
            expected.add(reply.get("action").asText() + "/" + reply.get("reason").asText());
        }
        String concurrent = say(a, null, "你好").get("conversationId").asText();
        List<JsonNode> replies = AtOnce.run(n, i -> () -> say(i % 2 == 0 ? a : b, concurrent, "今天天气怎么样"));
        assertThat(replies).extracting(r -> r.get("action").asText() + "/" + r.get("reason").asText())
                .as("one fallback, then offers of a person, as in sequence")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(transcript(b, concurrent)).hasSameSizeAs(transcript(a, sequential));
        String asking = say(a, null, "你好").get("conversationId").asText();
        AtOnce.run(n, i -> () -> say(i % 2 == 0 ? a : b, asking, "转人工"));
        long tickets = 0;
        for (JsonNode ticket : JSON.readTree(agent(a, "agent-li", "GET", "api/agent/tickets", null).body()).get("tickets")) {
            tickets += ticket.get("conversationId").asText().equals(concurrent) ? 100 : 0;
            tickets += ticket.get("conversationId").asText().equals(asking) ? 1 : 0;
        }
        assertThat(tickets).as("none offered unasked, one for the conversation that asked").isEqualTo(1);
    }

    @Test
    void first_webhook_messages_of_a_new_user_sent_to_both_instances_start_one_conversation() throws Exception {
        List<JsonNode> replies = AtOnce.run(10, i -> () -> JSON.readTree(generic(i % 2 == 0 ? a : b,
                "{\"userId\": \"multi-new-user\", \"text\": \"今天天气怎么样\", \"messageId\": \"new-" + i + "\"}").body()));
        assertThat(replies).extracting(r -> r.get("conversationId").asText()).as("one conversation").containsOnly(
                replies.get(0).get("conversationId").asText());
        assertThat(replies).extracting(r -> r.get("action").asText() + "/" + r.get("reason").asText())
                .as("one fallback, then offers of a person, as in sequence")
                .filteredOn(o -> !o.equals("fallback/repeated_fallback"))
                .containsExactly("fallback/out_of_scope");
    }

    /** {@code body} to {@code kefu}'s generic webhook, signed as the platform signs it. */
    private HttpResponse<String> generic(KefuProcess kefu, String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return send(HttpRequest.newBuilder(URI.create(kefu.url() + "webhook/generic"))
                .header("X-Kefu-Signature", new HmacSignature(SECRET).sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .header("X-Kefu-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
