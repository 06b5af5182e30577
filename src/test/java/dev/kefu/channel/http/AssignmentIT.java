package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence and assignment over HTTP: auto-assignment, going away, logout, transfer, unassign, two instances. */
class AssignmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";

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

    private AgentLogin agent(TestServer on, String login, String name, Role role, int maxChats) throws Exception {
        new Accounts(new SqlAccountStore(on.db()), TestServer.HASHER, Clock.systemUTC())
                .create(new NewAccount(login, name, PASSWORD, role, maxChats));
        return AgentLogin.of(on, login, PASSWORD);
    }

    private static void online(AgentLogin agent) throws Exception {
        HttpResponse<String> response = agent.send("POST", "/api/agent/presence", "{\"presence\": \"online\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String handoff(TestServer on, String text) throws Exception {
        JsonNode first = on.say(null, text);
        JsonNode reply = first.get("handoff").isNull() ? on.say(first.get("conversationId").asText(), "转人工") : first;
        return reply.get("handoff").get("ticketId").asText();
    }

    private JsonNode ticket(String id) throws Exception {
        return JSON.readTree(server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base
                + "/api/agent/tickets/" + id)).header("Authorization", "Bearer " + TestServer.AGENT_TOKEN)).body());
    }

    private Map<String, String> holders(List<String> ids) throws Exception {
        Map<String, String> holders = new HashMap<>();
        for (String id : ids) {
            JsonNode t = ticket(id);
            holders.put(id, t.get("status").asText().equals("assigned") ? t.get("agent").asText() : "queue");
        }
        return holders;
    }

    @Test
    void waiting_tickets_go_to_online_agents_with_free_places_urgent_and_oldest_first() throws Exception {
        AgentLogin lina = agent(server, "lina", "李娜", Role.AGENT, 1);
        AgentLogin wei = agent(server, "wei", "张伟", Role.AGENT, 1);
        String first = handoff(server, "转人工");
        String second = handoff(server, "转人工");
        String urgent = handoff(server, "我的账号被盗了，钱没了");
        // nobody online yet: everything waits
        assertThat(holders(List.of(first, second, urgent)).values()).containsOnly("queue");
        online(lina);
        // the urgent ticket first, though it is the youngest
        assertThat(holders(List.of(first, second, urgent))).containsEntry(urgent, "lina").containsEntry(first, "queue");
        online(wei);
        assertThat(holders(List.of(first, second, urgent))).containsEntry(first, "wei").containsEntry(second, "queue");
        // a new ticket with every place taken waits; a close frees a place, which the oldest waiting ticket takes
        String fourth = handoff(server, "转人工");
        assertThat(holders(List.of(fourth))).containsEntry(fourth, "queue");
        assertThat(lina.send("POST", "/api/agent/tickets/" + urgent + "/close", "{}").statusCode()).isEqualTo(200);
        assertThat(holders(List.of(second, fourth))).containsEntry(second, "lina").containsEntry(fourth, "queue");
        // the list shows the number, the channel, the last message and the unread count
        JsonNode listed = listed(lina, first);
        assertThat(listed.get("number").asLong()).isGreaterThan(1000);
        assertThat(listed.get("channel").asText()).isEqualTo("web");
        assertThat(listed.get("lastMessage").get("role").asText()).isEqualTo("bot");
        assertThat(listed.get("unread").asInt()).isEqualTo(1);
        lina.json("GET", "/api/agent/tickets/" + second, null);
        server.say(ticket(second).get("conversationId").asText(), "我的银行卡扣款了但是订单失败");
        JsonNode after = listed(lina, second);
        assertThat(after.get("unread").asInt()).isEqualTo(1);
        assertThat(after.get("lastMessage").get("text").asText()).contains("扣款");
    }

    private static JsonNode listed(AgentLogin agent, String ticketId) throws Exception {
        for (JsonNode t : agent.json("GET", "/api/agent/tickets?status=assigned", null).get("tickets")) {
            if (t.get("ticketId").asText().equals(ticketId)) {
                return t;
            }
        }
        throw new AssertionError(ticketId + " is not listed");
    }

    @Test
    void numbers_are_short_and_sequential() throws Exception {
        long a = ticket(handoff(server, "转人工")).get("number").asLong();
        long b = ticket(handoff(server, "转人工")).get("number").asLong();
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void going_away_releases_the_chats_awaiting_a_reply_and_logout_releases_the_rest() throws Exception {
        AgentLogin lina = agent(server, "lina", "李娜", Role.AGENT, 5);
        String answered = handoff(server, "转人工");
        String waiting = handoff(server, "转人工");
        online(lina);
        assertThat(holders(List.of(answered, waiting)).values()).containsOnly("lina");
        assertThat(lina.send("POST", "/api/agent/tickets/" + answered + "/messages", "{\"text\": \"您好，请讲\"}")
                .statusCode()).isEqualTo(201);
        JsonNode away = lina.json("POST", "/api/agent/presence", "{\"presence\": \"away\"}");
        assertThat(away.get("released").asInt()).isEqualTo(1);
        assertThat(holders(List.of(answered, waiting))).containsEntry(answered, "lina").containsEntry(waiting, "queue");
        JsonNode out = lina.json("POST", "/api/auth/logout", null);
        assertThat(out.get("released").asInt()).isEqualTo(1);
        assertThat(holders(List.of(answered, waiting)).values()).containsOnly("queue");
    }

    @Test
    void a_transfer_or_unassign_is_for_the_holder_or_an_admin_and_names_the_holder_otherwise() throws Exception {
        AgentLogin lina = agent(server, "lina", "李娜", Role.AGENT, 5);
        AgentLogin wei = agent(server, "wei", "张伟", Role.AGENT, 5);
        AgentLogin boss = agent(server, "boss", "王经理", Role.ADMIN, 5);
        String ticket = handoff(server, "转人工");
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        HttpResponse<String> moved = lina.send("POST", "/api/agent/tickets/" + ticket + "/transfer", "{\"to\": \"wei\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("agent").asText()).isEqualTo("wei");
        HttpResponse<String> notHers = lina.send("POST", "/api/agent/tickets/" + ticket + "/transfer", "{\"to\": \"lina\"}");
        assertThat(notHers.statusCode()).isEqualTo(409);
        assertThat(notHers.body()).contains("wei");
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/unassign", null).statusCode()).isEqualTo(409);
        assertThat(wei.send("POST", "/api/agent/tickets/" + ticket + "/transfer", "{\"to\": \"nobody\"}").statusCode())
                .isEqualTo(409);
        assertThat(boss.send("POST", "/api/agent/tickets/" + ticket + "/unassign", null).statusCode()).isEqualTo(200);
        assertThat(holders(List.of(ticket))).containsEntry(ticket, "queue");
        List<String> audit = new ArrayList<>();
        boss.json("GET", "/api/agent/audit", null).get("actions").forEach(a -> audit.add(a.get("account").asText() + " "
                + a.get("action").asText()));
        assertThat(audit).containsSubsequence("boss unassign", "lina transfer", "lina claim");
    }

    @Test
    void two_instances_on_one_database_never_give_an_agent_more_than_their_maximum() throws Exception {
        try (TestServer other = new TestServer(dir.resolve("kefu.db"))) {
            AgentLogin lina = agent(server, "lina", "李娜", Role.AGENT, 2);
            AgentLogin wei = agent(other, "wei", "张伟", Role.AGENT, 3);
            // sessions live in the database: one opened on an instance works on the other
            assertThat(AgentLogin.of(other, "lina", PASSWORD).send("GET", "/api/auth/me", null).statusCode()).isEqualTo(200);
            List<String> tickets = AtOnce.run(8, i -> () -> handoff(i % 2 == 0 ? server : other, "转人工"));
            AtOnce.run(2, i -> () -> {
                online(i == 0 ? lina : wei);
                return null;
            });
            Map<String, String> holders = holders(tickets);
            assertThat(holders.values().stream().filter("lina"::equals).count()).isEqualTo(2);
            assertThat(holders.values().stream().filter("wei"::equals).count()).isEqualTo(3);
            assertThat(holders.values().stream().filter("queue"::equals).count()).isEqualTo(3);
        }
    }
}
