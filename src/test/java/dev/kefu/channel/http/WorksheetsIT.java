package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Working a chat over HTTP: canned replies, internal notes (masked, never shown to the customer), tags, search. */
class WorksheetsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";
    private static final String CARD = "6222 0212 3456 7890 123";

    @TempDir
    Path dir;
    private TestServer server;
    private AgentLogin admin;
    private AgentLogin lina;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("kefu.db"));
        Accounts accounts = new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC());
        accounts.create(new NewAccount("boss", "王经理", PASSWORD, Role.ADMIN, 5));
        accounts.create(new NewAccount("lina", "李娜", PASSWORD, Role.AGENT, 5));
        admin = AgentLogin.of(server, "boss", PASSWORD);
        lina = AgentLogin.of(server, "lina", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void admins_keep_the_team_canned_replies_and_agents_find_them_by_shortcut_or_text() throws Exception {
        assertThat(admin.send("POST", "/api/agent/canned", "{\"shortcut\": \"退款\", \"text\": \"退款一般 1-3 个工作日原路退回。\"}")
                .statusCode()).isEqualTo(201);
        assertThat(admin.send("POST", "/api/agent/canned", "{\"shortcut\": \"hello\", \"text\": \"您好，我是人工客服。\"}")
                .statusCode()).isEqualTo(201);
        assertThat(lina.send("POST", "/api/agent/canned", "{\"shortcut\": \"x\", \"text\": \"y\"}").statusCode()).isEqualTo(403);
        assertThat(admin.send("POST", "/api/agent/canned", "{\"shortcut\": \"a b\", \"text\": \"y\"}").statusCode()).isEqualTo(400);
        JsonNode found = lina.json("GET", "/api/agent/canned?q=" + URLEncoder.encode("工作日", StandardCharsets.UTF_8), null);
        assertThat(found.get("replies").findValuesAsText("shortcut")).containsExactly("退款");
        assertThat(lina.json("GET", "/api/agent/canned", null).get("replies")).hasSize(2);
        assertThat(admin.send("POST", "/api/agent/canned/hello/remove", null).statusCode()).isEqualTo(200);
        assertThat(lina.json("GET", "/api/agent/canned", null).get("replies")).hasSize(1);
    }

    @Test
    void notes_are_masked_and_never_reach_the_customer_tags_and_search_find_ended_tickets() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        server.say(conversation, "我的退款一直没有到账");
        lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/notes",
                JSON.writeValueAsString(java.util.Map.of("text", "用户卡号 " + CARD + "，已核实"))).statusCode()).isEqualTo(201);
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/tags", "{\"tags\": [\"退款\", \"投诉\"]}").statusCode())
                .isEqualTo(200);
        JsonNode view = lina.json("GET", "/api/agent/tickets/" + ticket, null);
        String note = view.get("notes").get(0).get("text").asText();
        assertThat(note).contains("已核实").doesNotContain(CARD).doesNotContain("34567890");
        assertThat(view.get("tags").toString()).isEqualTo("[\"投诉\",\"退款\"]");
        assertThat(server.get("/api/conversations/" + conversation + "/messages").body()).doesNotContain("已核实");
        lina.send("POST", "/api/agent/tickets/" + ticket + "/close", "{}");

        long number = view.get("number").asLong();
        assertThat(ids(lina.json("GET", "/api/agent/search?q=%23" + number, null))).containsExactly(ticket);
        assertThat(ids(lina.json("GET", "/api/agent/search?q=" + URLEncoder.encode("tag:投诉", StandardCharsets.UTF_8), null)))
                .containsExactly(ticket);
        assertThat(ids(lina.json("GET", "/api/agent/search?q=" + URLEncoder.encode("没有到账", StandardCharsets.UTF_8), null)))
                .containsExactly(ticket);
        assertThat(ids(lina.json("GET", "/api/agent/search?q=" + URLEncoder.encode("天气", StandardCharsets.UTF_8), null)))
                .isEmpty();
        assertThat(lina.send("GET", "/api/agent/search", null).statusCode()).isEqualTo(400);

        // the customer comes back: the new ticket shows the earlier one
        String again = server.say(conversation, "转人工").get("handoff").get("ticketId").asText();
        JsonNode next = lina.json("GET", "/api/agent/tickets/" + again, null);
        assertThat(next.get("earlier").findValuesAsText("ticketId")).containsExactly(ticket);
    }

    private static java.util.List<String> ids(JsonNode result) {
        return result.get("tickets").findValuesAsText("ticketId");
    }
}
