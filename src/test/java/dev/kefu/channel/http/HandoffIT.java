package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handoff to a person, over HTTP: user, queue, agent, live relay, and back to the bot. */
class HandoffIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("kefu.db"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode say(String conversationId, String text) throws Exception {
        return server.say(conversationId, text);
    }

    @Test
    void queue_positions_are_counted_up_to_the_cap() throws Exception {
        int waiting = dev.kefu.handoff.QueueStatus.MAX_POSITION + 5;
        JsonNode first = null;
        JsonNode last = null;
        for (int i = 0; i < waiting; i++) {
            last = say(null, "转人工");
            first = first == null ? last : first;
        }
        assertThat(first.get("handoff").get("position").asInt()).isEqualTo(1);
        assertThat(last.get("handoff").get("position").asInt()).isEqualTo(dev.kefu.handoff.QueueStatus.MAX_POSITION);
        JsonNode again = say(first.get("conversationId").asText(), "还要等多久");
        assertThat(again.get("handoff").get("position").asInt()).isEqualTo(1);
        // the agent's list ranks every waiting ticket, beyond the cap too
        JsonNode listed = JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting", null).body()).get("tickets");
        assertThat(listed).hasSize(waiting);
        for (int i = 0; i < waiting; i++) {
            assertThat(listed.get(i).get("position").asInt()).isEqualTo(i + 1);
        }
        assertThat(listed.get(waiting - 1).get("conversationId").asText()).isEqualTo(last.get("conversationId").asText());
    }

    private HttpResponse<String> agent(String method, String path, String body, String name) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", name)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return server.send(request);
    }

    private HttpResponse<String> agent(String method, String path, String body) throws Exception {
        return agent(method, path, body, "li");
    }

    @Test
    void a_full_round_trip_from_bot_to_person_and_back() throws Exception {
        JsonNode handoff = say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(handoff.get("handoff").get("position").asInt()).isEqualTo(1);

        try (EventStream widget = new EventStream(server.client(), server.base + "/api/conversations/" + conversation + "/events")) {
            assertThat(widget.next("status").data()).contains("\"state\":\"waiting\"");
            JsonNode waiting = JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting", null).body());
            assertThat(waiting.get("tickets")).hasSize(1);
            assertThat(waiting.get("tickets").get(0).get("reason").asText()).isEqualTo("user_request");

            assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
            assertThat(widget.next("status").data()).contains("\"state\":\"assigned\"");

            HttpResponse<String> sent = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，我是客服小李\"}");
            assertThat(sent.statusCode()).isEqualTo(201);
            assertThat(widget.next("message").data()).contains("\"role\":\"agent\"").contains("您好，我是客服小李");

            JsonNode withAgent = say(conversation, "我的退款还没到");
            assertThat(withAgent.get("action").asText()).isEqualTo("handoff");
            assertThat(withAgent.get("reason").asText()).isEqualTo("with_agent");
            JsonNode seen = JSON.readTree(agent("GET", "/api/agent/tickets/" + ticket, null).body());
            List<String> roles = new ArrayList<>();
            seen.get("messages").forEach(m -> roles.add(m.get("role").asText() + ":" + m.get("text").asText()));
            assertThat(roles).contains("agent:您好，我是客服小李", "user:我的退款还没到");
            assertThat(seen.get("messages").toString()).as("agent lines name their agent").contains("\"agent\":\"li\"");
            assertThat(seen.get("faqSuggestions").get(0).get("faqId").asText()).startsWith("refund");

            assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/close", "{\"note\": \"已告知退款时效\"}").statusCode())
                    .isEqualTo(200);
            assertThat(widget.next("status").data()).contains("\"state\":\"bot\"");
        }
        JsonNode back = say(conversation, "退款多久到账");
        assertThat(back.get("action").asText()).isEqualTo("answer");
        JsonNode transcript = JSON.readTree(server.get("/api/conversations/" + conversation + "/messages").body());
        assertThat(transcript.toString()).contains("\"role\":\"agent\"");
    }

    @Test
    void the_agent_api_needs_the_token() throws Exception {
        HttpResponse<String> none = server.get("/api/agent/tickets");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("token");
        HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/tickets"))
                .header("Authorization", "Bearer test-agent-tokeN").GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void moves_that_do_not_fit_the_ticket_are_409_with_the_reason_and_unknown_tickets_404() throws Exception {
        String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
        HttpResponse<String> unclaimed = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"在吗\"}");
        assertThat(unclaimed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(unclaimed.body()).get("error").asText()).contains("claim the ticket first");
        agent("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        HttpResponse<String> otherAgent = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"在吗\"}", "wang");
        assertThat(otherAgent.statusCode()).isEqualTo(409);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"  \"}").statusCode()).isEqualTo(400);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/messages",
                "{\"text\": \"" + "好".repeat(2001) + "\"}").statusCode()).isEqualTo(400);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/close", null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = agent("POST", "/api/agent/tickets/" + ticket + "/close", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).contains("already closed");
        assertThat(agent("POST", "/api/agent/tickets/nope/claim", null).statusCode()).isEqualTo(404);
        assertThat(agent("GET", "/api/agent/tickets?status=nope", null).statusCode()).isEqualTo(400);
    }

    @Test
    void handing_back_lets_the_bot_answer_again() throws Exception {
        JsonNode handoff = say(null, "转人工");
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/handback", null).statusCode()).isEqualTo(200);
        JsonNode back = say(handoff.get("conversationId").asText(), "忘记密码了");
        assertThat(back.get("action").asText()).isEqualTo("answer");
        assertThat(back.get("intent").asText()).isEqualTo("forgot_password");
    }

    @Test
    void of_many_agents_claiming_one_ticket_at_once_exactly_one_wins() throws Exception {
        String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
        int agents = 8;
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String name = "agent" + i;
                Callable<Integer> claim = () -> {
                    go.await();
                    return agent("POST", "/api/agent/tickets/" + ticket + "/claim", null, name).statusCode();
                };
                claims.add(pool.submit(claim));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> claim : claims) {
                statuses.add(claim.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_wait_is_estimated_from_how_fast_agents_recently_claimed() throws Exception {
        for (int i = 0; i < 2; i++) {
            String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
            agent("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        }
        JsonNode waiting = say(null, "转人工").get("handoff");
        assertThat(waiting.get("position").asInt()).isEqualTo(1);
        assertThat(waiting.get("estimatedWaitSeconds").isInt()).isTrue();
    }

    @Test
    void the_agent_event_stream_announces_new_tickets_and_user_messages() throws Exception {
        try (EventStream console = new EventStream(server.client(),
                server.base + "/api/agent/events?access_token=" + TestServer.AGENT_TOKEN)) {
            console.next("hello");
            JsonNode handoff = say(null, "转人工");
            assertThat(console.next("ticket").data()).contains(handoff.get("handoff").get("ticketId").asText());
            say(handoff.get("conversationId").asText(), "有人吗");
            assertThat(console.next("message").data()).contains("有人吗").contains("\"role\":\"user\"");
        }
    }

    @Test
    void reloading_the_models_swaps_them_in_for_agents_only() throws Exception {
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/reload"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("no token").isEqualTo(401);
        HttpResponse<String> reloaded = agent("POST", "/api/agent/reload", null);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(reloaded.body()).contains("\"reloaded\":true");
        assertThat(say(null, "退款多久到账").get("intent").asText()).isEqualTo("refund_time");
    }
}
