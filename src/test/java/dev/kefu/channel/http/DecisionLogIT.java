package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.Retention;
import dev.kefu.store.SqlAccountStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision log over HTTP: stored with every bot reply, read by agents, exported by admins as
 * JSONL and CSV (escaped), refused with 400 for bad periods and formats, and deleted with the
 * transcript by the retention purge.
 */
class DecisionLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

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

    private HttpResponse<String> withToken(String path) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).GET());
    }

    private JsonNode decisionOf(JsonNode reply) throws Exception {
        HttpResponse<String> response = admin.send("GET", "/api/agent/messages/" + reply.get("messageId").asLong()
                + "/decision", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void every_bot_reply_logs_version_candidates_intents_thresholds_and_the_rule() throws Exception {
        JsonNode answer = server.say(null, "退款多久到账");
        JsonNode logged = decisionOf(answer);
        JsonNode d = logged.get("decision");
        assertThat(logged.get("userText").asText()).isEqualTo("退款多久到账");
        assertThat(logged.get("replyText").asText()).isEqualTo(answer.get("reply").asText());
        assertThat(logged.get("conversationId").asText()).isEqualTo(answer.get("conversationId").asText());
        assertThat(d.get("version").asText()).isEqualTo(TestServer.MODEL_VERSION);
        assertThat(d.get("action").asText()).isEqualTo("answer");
        assertThat(d.get("reason").asText()).isEqualTo(answer.get("reason").asText());
        assertThat(d.get("candidates").get(0).get("faqId").asText()).isEqualTo(answer.get("faqId").asText());
        assertThat(d.get("candidates").size()).isBetween(1, 5);
        assertThat(d.get("intents").get(0).get("intent").asText()).isEqualTo(answer.get("intent").asText());
        assertThat(d.get("thresholds").get("answer").asDouble()).isEqualTo(0.5);
        assertThat(d.get("detail").asText()).isNotBlank();

        JsonNode fallback = decisionOf(server.say(null, "今天天气怎么样"));
        assertThat(fallback.get("decision").get("action").asText()).isEqualTo("fallback");

        // agents (an account or the machine token) read the replies of conversations that reached the desk
        String path = "/api/agent/messages/" + answer.get("messageId") + "/decision";
        assertThat(lina.send("GET", path, null).statusCode()).isEqualTo(404);
        assertThat(withToken(path).statusCode()).isEqualTo(404);
        server.say(answer.get("conversationId").asText(), "转人工");
        assertThat(lina.send("GET", path, null).statusCode()).isEqualTo(200);
        assertThat(withToken(path).statusCode()).isEqualTo(200);
        // anonymous callers do not; unknown and malformed ids
        assertThat(server.get("/api/agent/messages/" + answer.get("messageId") + "/decision").statusCode()).isEqualTo(401);
        assertThat(lina.send("GET", "/api/agent/messages/999999/decision", null).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = lina.send("GET", "/api/agent/messages/abc/decision", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id");
    }

    @Test
    void the_log_holds_masked_text_only() throws Exception {
        JsonNode reply = server.say(null, "我的卡 6222 0212 3456 7890 123 付款失败了");
        JsonNode logged = decisionOf(reply);
        assertThat(logged.toString()).doesNotContain("34567890").doesNotContain("6222 0212 3456");
        assertThat(export("jsonl").body()).doesNotContain("34567890");
    }

    private HttpResponse<String> export(String format) throws Exception {
        return admin.send("GET", "/api/studio/decisions?from=" + TODAY + "&to=" + TODAY + "&format=" + format, null);
    }

    @Test
    void admins_export_a_period_as_jsonl_and_as_properly_escaped_csv() throws Exception {
        List<String> said = List.of("退款多久到账", "=1+1 是什么,\"引号\"", "第一行\n第二行，怎么付款失败了");
        List<JsonNode> replies = new ArrayList<>();
        for (String text : said) {
            replies.add(server.say(null, text));
        }
        HttpResponse<String> jsonl = export("jsonl");
        assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("userText").asText()).containsExactlyElementsOf(said);
        assertThat(lines).extracting(l -> l.get("messageId").asLong())
                .containsExactlyElementsOf(replies.stream().map(r -> r.get("messageId").asLong()).toList());
        assertThat(lines.get(0).get("decision").get("candidates").get(0).get("faqId").asText())
                .isEqualTo(replies.get(0).get("faqId").asText());

        HttpResponse<String> csv = export("csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.get(0)).startsWith("time", "conversation_id", "message_id", "user_text", "reply_text", "faq_id",
                "version", "action", "reason");
        assertThat(rows).hasSize(1 + said.size());
        assertThat(rows.stream().skip(1).map(r -> r.get(3)).toList())
                .containsExactly("退款多久到账", "'=1+1 是什么,\"引号\"", "第一行\n第二行，怎么付款失败了");
        assertThat(rows.stream().skip(1).map(List::size).distinct().toList()).containsExactly(rows.get(0).size());
        assertThat(rows.get(1).get(6)).isEqualTo(TestServer.MODEL_VERSION);
        assertThat(rows.get(1).get(12)).startsWith(replies.get(0).get("faqId").asText() + ":");

        // a period without replies is just the header
        HttpResponse<String> empty = admin.send("GET", "/api/studio/decisions?from=2020-01-01&to=2020-01-02&format=csv", null);
        assertThat(Csv.parse(empty.body())).hasSize(1);
    }

    @Test
    void bad_periods_and_formats_are_400_and_only_admins_export() throws Exception {
        server.say(null, "退款多久到账");
        for (String query : List.of("format=xml", "from=2026-13-01", "to=yesterday", "from=2026-12-07&to=2026-12-01",
                "from=2020-01-01&to=2026-01-01")) {
            HttpResponse<String> response = admin.send("GET", "/api/studio/decisions?" + query, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(query)
                    .containsAnyOf("format", "from", "to");
        }
        assertThat(lina.send("GET", "/api/studio/decisions", null).statusCode()).isEqualTo(403);
        assertThat(withToken("/api/studio/decisions").statusCode()).isEqualTo(403);
        assertThat(server.get("/api/studio/decisions").statusCode()).isEqualTo(401);
        assertThat(admin.send("GET", "/api/studio/decisions", null).statusCode()).isEqualTo(200); // jsonl, last 7 days
    }

    @Test
    void the_retention_purge_deletes_the_log_with_the_transcript() throws Exception {
        JsonNode gone = server.say(null, "退款多久到账");
        JsonNode kept = server.say(null, "忘记密码怎么办");
        assertThat(decisionOf(gone).get("decision")).isNotNull();
        assertThat(new Retention(server.db()).purge(gone.get("conversationId").asText())).isTrue();

        assertThat(admin.send("GET", "/api/agent/messages/" + gone.get("messageId") + "/decision", null).statusCode())
                .isEqualTo(404);
        String exported = export("jsonl").body();
        assertThat(exported).contains(kept.get("conversationId").asText())
                .doesNotContain(gone.get("conversationId").asText());
        // by age as well (the hourly retention of serve)
        assertThat(new Retention(server.db()).purgeOlderThan(java.time.Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(export("jsonl").body()).isEmpty();
    }

    /** RFC 4180 parsing, enough to check the export: quoted fields, doubled quotes, CRLF rows. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            if (!row.isEmpty() || field.length() > 0) {
                throw new AssertionError("the CSV does not end with CRLF");
            }
            return rows;
        }
    }
}
