package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typing signals over HTTP, both ways: the customer's reach the agents' stream, the agent's reach
 * the customer's widget stream, content-free and at most one per two seconds per side; bad input,
 * the wrong conversation or ticket, and the bot's conversations are refused with JSON.
 */
class TypingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
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

    @Test
    void the_customer_typing_reaches_the_agents_stream_without_text_once_per_interval() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        try (EventStream console = new EventStream(http, server.base + "/api/agent/events?ticket=" + streamTicket())) {
            console.next("hello");
            HttpResponse<String> first = server.post("/api/conversations/" + conversation + "/typing", "{}");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(JSON.readTree(first.body()).get("sent").asBoolean()).isTrue();
            JsonNode signal = JSON.readTree(console.next("typing").data());
            assertThat(signal.get("conversationId").asText()).isEqualTo(conversation);
            assertThat(signal.get("role").asText()).isEqualTo("user");
            assertThat(signal.has("text")).isFalse();

            HttpResponse<String> again = server.post("/api/conversations/" + conversation + "/typing", "");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).get("sent").asBoolean()).as("within 2 s of the first").isFalse();
        }
    }

    @Test
    void the_agent_who_has_the_ticket_is_shown_typing_in_the_customers_stream_by_name() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(agent("li.na", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        try (EventStream widget = new EventStream(http, server.base + "/api/conversations/" + conversation + "/events")) {
            widget.next("status");
            HttpResponse<String> typing = agent("li.na", "/api/agent/tickets/" + ticket + "/typing", "{}");
            assertThat(typing.statusCode()).as(typing.body()).isEqualTo(202);
            JsonNode signal = JSON.readTree(widget.next("typing").data());
            assertThat(signal.get("role").asText()).isEqualTo("agent");
            assertThat(signal.get("agentName").asText()).isEqualTo("li.na");
            assertThat(signal.has("text")).isFalse();
            assertThat(JSON.readTree(agent("li.na", "/api/agent/tickets/" + ticket + "/typing", null).body())
                    .get("sent").asBoolean()).isFalse();
        }
    }

    @Test
    void signals_are_refused_for_unknown_or_bot_conversations_with_text_or_not_as_json() throws Exception {
        HttpResponse<String> unknown = server.post("/api/conversations/no-such-conversation/typing", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("no-such-conversation");

        String withBot = server.say(null, "退款多久到账").get("conversationId").asText();
        HttpResponse<String> bot = server.post("/api/conversations/" + withBot + "/typing", "{}");
        assertThat(bot.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(bot.body()).get("code").asText()).isEqualTo("not_with_agent");

        String handedOff = server.say(null, "转人工").get("conversationId").asText();
        HttpResponse<String> draft = server.post("/api/conversations/" + handedOff + "/typing", "{\"text\": \"我的卡号是\"}");
        assertThat(draft.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(draft.body()).get("error").asText()).contains("no fields");
        HttpResponse<String> garbled = server.post("/api/conversations/" + handedOff + "/typing", "{not json");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(garbled.body()).has("error")).isTrue();
        HttpResponse<String> plain = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/conversations/"
                + handedOff + "/typing")).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(plain.body()).has("error")).isTrue();
    }

    @Test
    void only_the_agent_who_has_the_ticket_may_signal_and_a_refusal_names_who_has_it() throws Exception {
        String ticket = server.say(null, "转人工").get("handoff").get("ticketId").asText();
        HttpResponse<String> waiting = agent("li.na", "/api/agent/tickets/" + ticket + "/typing", "{}");
        assertThat(waiting.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(waiting.body()).get("error").asText()).contains("claim the ticket first");

        assertThat(agent("wang", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        HttpResponse<String> other = agent("li.na", "/api/agent/tickets/" + ticket + "/typing", "{}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("error").asText()).contains("assigned to wang");
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("assigned_to_other");

        assertThat(agent("wang", "/api/agent/tickets/no-such-ticket/typing", "{}").statusCode()).isEqualTo(404);
        assertThat(agent("wang", "/api/agent/tickets/" + ticket + "/typing", "[1]").statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = server.post("/api/agent/tickets/" + ticket + "/typing", "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String streamTicket() throws Exception {
        HttpResponse<String> issued = agent("li.na", "/api/agent/stream-ticket", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).get("ticket").asText();
    }

    /** A POST to the agent API with the machine token, as {@code agent}. */
    private HttpResponse<String> agent(String agent, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", agent)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }
}
