package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data over HTTP: what the database keeps of user messages, agent messages and closing notes. */
class PrivacyIT {
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

    @Test
    void a_card_number_split_over_two_messages_is_stored_masked_in_both() throws Exception {
        String conversation = server.say(null, "我的卡号是6222 0212 3456").get("conversationId").asText();
        server.say(conversation, "7890 128");

        List<String> stored = storedTexts(conversation, "user");
        assertThat(stored).containsExactly("我的卡号是[银行卡 前段]", "[银行卡 尾号0128]");
        assertThat(String.join(" ", stored)).doesNotContain("3456", "7890");
    }

    @Test
    void full_width_digits_are_masked_and_the_rest_of_the_message_is_stored_as_written() throws Exception {
        String conversation = server.say(null, "手机号１３８１２３４５６７８收不到验证码，卡号６２２２ ０２１２ ３４５６ ７８９０ １２８")
                .get("conversationId").asText();
        assertThat(storedTexts(conversation, "user"))
                .containsExactly("手机号138****5678收不到验证码，卡号[银行卡 尾号0128]");
    }

    @Test
    void agent_messages_and_closing_notes_are_masked() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);

        HttpResponse<String> sent = agent("POST", "/api/agent/tickets/" + ticket + "/messages",
                "{\"text\": \"请确认手机号 13812345678 和卡号 4111 1111 1111 1111\"}");
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(sent.body()).get("text").asText()).isEqualTo("请确认手机号 138****5678 和卡号 [银行卡 尾号1111]");
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/close", "{\"note\": \"用户邮箱 zhangsan@qq.com 已核实\"}")
                .statusCode()).isEqualTo(200);

        assertThat(storedTexts(conversation, "agent")).containsExactly("请确认手机号 138****5678 和卡号 [银行卡 尾号1111]");
        String note = server.db().read(c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT note FROM tickets")) {
                r.next();
                return r.getString(1);
            }
        });
        assertThat(note).isEqualTo("用户邮箱 z***@qq.com 已核实");
    }

    @Test
    void a_webhook_user_id_that_is_a_phone_number_is_stored_nowhere_and_keeps_its_conversation() throws Exception {
        String phone = "13812345678";
        JsonNode first = JSON.readTree(generic("{\"userId\": \"" + phone + "\", \"text\": \"退款多久到账\", \"messageId\": \"p-1\"}").body());
        JsonNode second = JSON.readTree(generic("{\"userId\": \"" + phone + "\", \"text\": \"转人工\", \"messageId\": \"p-2\"}").body());
        assertThat(second.get("conversationId").asText()).isEqualTo(first.get("conversationId").asText());
        assertThat(second.get("action").asText()).isEqualTo("handoff");
        String ticket = second.get("handoff").get("ticketId").asText();
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好\"}").statusCode())
                .isEqualTo(201);
        // a resend is still found by its key
        assertThat(generic("{\"userId\": \"" + phone + "\", \"text\": \"退款多久到账\", \"messageId\": \"p-1\"}").statusCode())
                .isEqualTo(200);

        assertThat(storedValuesContaining(phone)).as("every value of every table").isEmpty();
        List<String> users = server.db().read(c -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT user_id FROM channel_users UNION ALL "
                    + "SELECT user_id FROM inbound_messages UNION ALL SELECT user_id FROM outbox")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
        assertThat(users).hasSize(4).containsOnly(users.get(0)).allMatch(id -> id.matches("u1\\.[A-Za-z0-9_-]{43}"));
    }

    /** Every stored text value, of every table, that contains {@code part}. */
    private List<String> storedValuesContaining(String part) {
        return server.db().read(c -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    if (!r.getString("TABLE_NAME").startsWith("sqlite_")) {
                        tables.add(r.getString("TABLE_NAME"));
                    }
                }
            }
            List<String> found = new ArrayList<>();
            for (String table : tables) {
                try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (r.next()) {
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            String value = r.getString(i);
                            if (value != null && value.contains(part)) {
                                found.add(table + "." + r.getMetaData().getColumnName(i) + ": " + value);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    private HttpResponse<String> generic(String body) throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/webhook/generic"))
                .header("Content-Type", "application/json").header("X-Kefu-Timestamp", String.valueOf(now))
                .header("X-Kefu-Signature", WebhookIT.sign(now, body)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private List<String> storedTexts(String conversation, String role) {
        return server.db().read(c -> {
            try (var s = c.prepareStatement("SELECT text FROM messages WHERE conversation_id = ? AND role = ? ORDER BY id")) {
                s.setString(1, conversation);
                s.setString(2, role);
                List<String> texts = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        texts.add(r.getString(1));
                    }
                }
                return texts;
            }
        });
    }

    private HttpResponse<String> agent(String method, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }
}
