package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer rates the agent's service after a close: stars from the widget's API, a digit on the webhook. */
class SatisfactionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";

    @TempDir
    Path dir;
    private TestServer server;
    private AgentLogin lina;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("kefu.db"));
        new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC())
                .create(new NewAccount("lina", "李娜", PASSWORD, Role.AGENT, 5));
        lina = AgentLogin.of(server, "lina", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> rate(String conversation, String body) throws Exception {
        return server.post("/api/conversations/" + conversation + "/satisfaction", body);
    }

    @Test
    void after_an_agent_closes_the_customer_rates_once_with_a_masked_comment() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        // the customer sees who joins
        lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        assertThat(server.say(conversation, "在吗").get("handoff").get("agentName").asText()).isEqualTo("李娜");
        assertThat(rate(conversation, "{\"stars\": 5}").statusCode()).as("nothing closed yet").isEqualTo(404);
        lina.send("POST", "/api/agent/tickets/" + ticket + "/close", "{}");
        assertThat(rate(conversation, "{\"stars\": 6}").statusCode()).isEqualTo(400);
        assertThat(rate(conversation, "{\"stars\": \"5\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> rated = rate(conversation, JSON.writeValueAsString(Map.of("stars", 4,
                "comment", "很耐心，我的手机号 13812345678")));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(rate(conversation, "{\"stars\": 1}").statusCode()).isEqualTo(409);
        JsonNode stored = lina.json("GET", "/api/agent/tickets/" + ticket, null).get("satisfaction");
        assertThat(stored.get("stars").asInt()).isEqualTo(4);
        assertThat(stored.get("comment").asText()).contains("很耐心").doesNotContain("13812345678");

        // the admins' report counts it
        new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC())
                .create(new NewAccount("boss", "王经理", PASSWORD, Role.ADMIN, 5));
        AgentLogin boss = AgentLogin.of(server, "boss", PASSWORD);
        assertThat(lina.send("GET", "/api/agent/reports", null).statusCode()).isEqualTo(403);
        assertThat(boss.send("GET", "/api/agent/reports?from=2026-13-01", null).statusCode()).isEqualTo(400);
        JsonNode report = boss.json("GET", "/api/agent/reports", null);
        assertThat(report.get("conversations").asLong()).isEqualTo(1);
        assertThat(report.get("handedOff").asLong()).isEqualTo(1);
        assertThat(report.get("botResolutionRate").asDouble()).isZero();
        assertThat(report.get("handoffsByReason").get(0).get("reason").asText()).isEqualTo("user_request");
        assertThat(report.get("satisfaction").get("ratings").asLong()).isEqualTo(1);
        assertThat(report.get("satisfaction").get("meanStars").asDouble()).isEqualTo(4.0);
        JsonNode agent = report.get("agents").get(0);
        assertThat(agent.get("displayName").asText()).isEqualTo("李娜");
        assertThat(agent.get("closed").asLong()).isEqualTo(1);
        assertThat(report.get("handleSeconds").isNumber()).isTrue();
    }

    @Test
    void a_webhook_user_gets_the_question_as_text_and_answers_with_a_digit() throws Exception {
        generic("u-77", "m1", "转人工");
        String ticket = JSON.readTree(lina.send("GET", "/api/agent/tickets?status=waiting", null).body()).get("tickets")
                .get(0).get("ticketId").asText();
        lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/close", "{}").statusCode()).isEqualTo(200);
        String outbox = server.db().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT text FROM outbox ORDER BY id DESC LIMIT 1")) {
                return r.next() ? r.getString(1) : "";
            }
        });
        assertThat(outbox).isEqualTo(InboundTurns.satisfactionQuestion());
        JsonNode thanks = JSON.readTree(generic("u-77", "m2", "５").body());
        assertThat(thanks.get("reply").asText()).contains("感谢您的评价");
        assertThat(lina.json("GET", "/api/agent/tickets/" + ticket, null).get("satisfaction").get("stars").asInt()).isEqualTo(5);
        // rated: a digit is a message again
        assertThat(JSON.readTree(generic("u-77", "m3", "3").body()).get("reply").asText()).doesNotContain("感谢您的评价");
    }

    private HttpResponse<String> generic(String user, String id, String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userId", user, "messageId", id, "text", text));
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + "/webhook/generic"))
                .header("Content-Type", "application/json").header("X-Kefu-Timestamp", String.valueOf(now))
                .header("X-Kefu-Signature", WebhookIT.sign(now, body)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
