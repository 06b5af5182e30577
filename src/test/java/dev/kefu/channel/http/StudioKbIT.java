package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import dev.kefu.store.SqlKbStore;
import dev.kefu.studio.CorpusFormat;
import dev.kefu.studio.CorpusImport;
import dev.kefu.studio.CorpusImporter;
import dev.kefu.studio.CorpusText;
import dev.kefu.studio.KbEditor;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's knowledge base over HTTP, on the shipped corpus imported into the database: admins
 * edit entries and examples with a recorded comment, history and restore; the loaders' rules give
 * 400s naming the field; two admins saving one revision get a 409 with the other's change.
 */
class StudioKbIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "studio-password-2026";

    @TempDir
    Path dir;
    private TestServer server;
    private AgentLogin wang;
    private AgentLogin zhao;
    private AgentLogin lina;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("kefu.db"));
        Accounts accounts = new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC());
        accounts.create(new NewAccount("wang", "王经理", PASSWORD, Role.ADMIN, 5));
        accounts.create(new NewAccount("zhao", "赵主管", PASSWORD, Role.ADMIN, 5));
        accounts.create(new NewAccount("lina", "李娜", PASSWORD, Role.AGENT, 5));
        new CorpusImporter(new KbEditor(new SqlKbStore(server.db()), Clock.systemUTC()))
                .replaceWith(CorpusImport.read(Path.of("corpus")), new KbEditor.Change("cli", "corpus import"));
        wang = AgentLogin.of(server, "wang", PASSWORD);
        zhao = AgentLogin.of(server, "zhao", PASSWORD);
        lina = AgentLogin.of(server, "lina", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ObjectNode newEntry(String id) {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("intent", "refund_time")
                .put("question", "退款到账后怎么查看明细？");
        ArrayNode paraphrases = body.putArray("paraphrases");
        List.of("退款明细在哪看", "怎么查退款记录", "退款流水去哪找", "想看看退款的明细", "退回来的钱在哪查").forEach(paraphrases::add);
        return body.put("answer", "1. 打开「我的 → 账单」；\n2. 筛选「退款」即可查看明细。").put("comment", "用户常问，补充条目");
    }

    @Test
    void an_admin_creates_edits_and_restores_an_entry_and_every_change_is_in_its_history() throws Exception {
        HttpResponse<String> created = wang.send("POST", "/api/studio/entries", newEntry("refund-detail").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = JSON.readTree(created.body());
        assertThat(entry.get("revision").asLong()).isEqualTo(1);
        ObjectNode edit = newEntry("refund-detail").put("answer", "打开「我的 → 账单 → 退款」查看每笔退款的明细。")
                .put("revision", 1).put("comment", "答案更简洁");
        HttpResponse<String> saved = wang.send("POST", "/api/studio/entries/refund-detail", edit.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("revision").asLong()).isEqualTo(2);

        JsonNode history = wang.json("GET", "/api/studio/entries/refund-detail/history", null).get("changes");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("before").isNull()).isTrue();
        assertThat(history.get(1).get("author").asText()).isEqualTo("wang");
        assertThat(history.get(1).get("comment").asText()).isEqualTo("答案更简洁");
        assertThat(history.get(1).get("before").get("answer").asText()).startsWith("1. 打开");
        assertThat(history.get(1).get("after").get("answer").asText()).startsWith("打开「我的");

        long first = history.get(0).get("id").asLong();
        HttpResponse<String> restored = zhao.send("POST", "/api/studio/entries/refund-detail/restore",
                "{\"change\": " + first + ", \"revision\": 2, \"comment\": \"新答案少了步骤，恢复\"}");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        JsonNode back = wang.json("GET", "/api/studio/entries/refund-detail", null);
        assertThat(back.get("answer").asText()).startsWith("1. 打开");
        assertThat(back.get("revision").asLong()).isEqualTo(3);
        assertThat(back.get("updatedBy").asText()).isEqualTo("zhao");

        JsonNode found = wang.json("GET", "/api/studio/entries?q=%E9%80%80%E6%AC%BE%E6%B5%81%E6%B0%B4", null); // 退款流水
        assertThat(found.get("entries").findValuesAsText("id")).containsExactly("refund-detail");
        assertThat(wang.json("POST", "/api/studio/preview", "{\"answer\": \"请拨打 {hotline}\"}").get("answer").asText())
                .doesNotContain("{hotline}");
    }

    @Test
    void edits_the_corpus_loader_would_refuse_get_400_naming_the_field() throws Exception {
        assertRefused(newEntry("refund-detail").put("answer", "  "), "answer");
        assertRefused(newEntry("pay-failed"), "id");
        assertRefused(newEntry("Bad Id"), "id");
        assertRefused(newEntry("refund-detail").put("intent", "weather"), "intent");
        ObjectNode shared = newEntry("refund-detail");
        ((ArrayNode) shared.get("paraphrases")).set(2, JSON.getNodeFactory().textNode("付款一直失败"));
        JsonNode body = assertRefused(shared, "paraphrases[2]");
        assertThat(body.get("error").asText()).contains("pay-failed");
        ObjectNode few = newEntry("refund-detail");
        ((ArrayNode) few.get("paraphrases")).remove(0);
        assertRefused(few, "paraphrases");
        assertRefused(newEntry("refund-detail").put("answer", "第一步\n\n第二步"), "answer");
        HttpResponse<String> noComment = wang.send("POST", "/api/studio/entries", newEntry("refund-detail").put("comment", "")
                .toString());
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        assertThat(wang.send("POST", "/api/studio/entries", "[1]").statusCode()).isEqualTo(400);
        assertThat(wang.json("GET", "/api/studio/entries/refund-detail/history", null).has("changes")).isFalse();
    }

    private JsonNode assertRefused(ObjectNode entry, String field) throws Exception {
        HttpResponse<String> response = wang.send("POST", "/api/studio/entries", entry.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(body.get("error").asText()).startsWith(field);
        return body;
    }

    @Test
    void the_second_of_two_admins_saving_one_revision_gets_409_with_the_first_ones_change() throws Exception {
        JsonNode read = wang.json("GET", "/api/studio/entries/pay-topup-failed", null);
        long revision = read.get("revision").asLong();
        ObjectNode mine = ((ObjectNode) read.deepCopy()).put("answer", "王：请检查银行卡余额后重试。").put("comment", "王的修改");
        ObjectNode theirs = ((ObjectNode) read.deepCopy()).put("answer", "赵：请稍后再试。").put("comment", "赵的修改");
        assertThat(wang.send("POST", "/api/studio/entries/pay-topup-failed", mine.toString()).statusCode()).isEqualTo(200);
        HttpResponse<String> late = zhao.send("POST", "/api/studio/entries/pay-topup-failed", theirs.toString());
        assertThat(late.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(late.body());
        assertThat(conflict.get("code").asText()).isEqualTo("stale_revision");
        assertThat(conflict.get("current").get("answer").asText()).startsWith("王：");
        assertThat(conflict.get("current").get("revision").asLong()).isEqualTo(revision + 1);
        assertThat(conflict.get("change").get("author").asText()).isEqualTo("wang");
        assertThat(conflict.get("change").get("comment").asText()).isEqualTo("王的修改");
        assertThat(wang.json("GET", "/api/studio/entries/pay-topup-failed", null).get("answer").asText()).startsWith("王：");
    }

    @Test
    void the_inbox_adds_a_phrasing_and_an_out_of_scope_example() throws Exception {
        HttpResponse<String> added = wang.send("POST", "/api/studio/entries/pay-topup-failed/phrasings",
                "{\"text\": \"零钱充不进去\", \"comment\": \"来自未解决的问题\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("paraphrases").toString()).contains("零钱充不进去");
        assertThat(wang.send("POST", "/api/studio/entries/pay-topup-failed/phrasings",
                "{\"text\": \"付款一直失败\", \"comment\": \"x\"}").statusCode()).isEqualTo(409);
        assertThat(wang.send("POST", "/api/studio/entries/no-such/phrasings",
                "{\"text\": \"零钱\", \"comment\": \"x\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> blank = wang.send("POST", "/api/studio/entries/pay-topup-failed/phrasings",
                "{\"text\": \" \", \"comment\": \"x\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(blank.body()).get("field").asText()).isEqualTo("text");

        HttpResponse<String> oos = wang.send("POST", "/api/studio/examples",
                "{\"intent\": \"oos\", \"text\": \"明天北京下雨吗\", \"comment\": \"天气不归我们管\"}");
        assertThat(oos.statusCode()).as(oos.body()).isEqualTo(201);
        long id = JSON.readTree(oos.body()).get("id").asLong();
        List<String> rain = wang.json("GET", "/api/studio/examples?intent=oos&q=%E4%B8%8B%E9%9B%A8", null).get("examples")
                .findValuesAsText("text"); // 下雨
        assertThat(rain).contains("明天北京下雨吗");
        List<String> oosLines = wang.json("GET", "/api/studio/examples?intent=oos", null).get("examples").findValuesAsText("text");
        assertThat(oosLines.get(oosLines.size() - 1)).as("after the last example of its intent").isEqualTo("明天北京下雨吗");
        HttpResponse<String> relabel = wang.send("POST", "/api/studio/examples/" + id,
                "{\"intent\": \"oos\", \"text\": \"明天北京下雨吗\", \"faqIds\": [\"no-such\"], \"revision\": 1, \"comment\": \"x\"}");
        assertThat(relabel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(relabel.body()).get("field").asText()).isEqualTo("faqIds");
        assertThat(wang.json("GET", "/api/studio/examples/" + id + "/history", null).get("changes")).hasSize(1);
    }

    @Test
    void a_removal_that_would_break_the_corpus_is_refused_and_a_removed_entry_can_be_restored() throws Exception {
        HttpResponse<String> referenced = wang.send("POST", "/api/studio/entries/pay-failed/remove",
                "{\"revision\": 1, \"comment\": \"试试\"}");
        assertThat(referenced.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(referenced.body()).get("field").asText()).isEqualTo("corpus");
        assertThat(referenced.body()).contains("intents.tsv:").contains("unknown FAQ id 'pay-failed'");

        wang.send("POST", "/api/studio/entries", newEntry("refund-detail").toString());
        assertThat(wang.send("POST", "/api/studio/entries/refund-detail/remove", "{\"revision\": 1, \"comment\": \"重复\"}")
                .statusCode()).isEqualTo(200);
        assertThat(wang.send("GET", "/api/studio/entries/refund-detail", null).statusCode()).isEqualTo(404);
        JsonNode history = wang.json("GET", "/api/studio/entries/refund-detail/history", null).get("changes");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("after").isNull()).isTrue();
        HttpResponse<String> restored = wang.send("POST", "/api/studio/entries/refund-detail/restore",
                "{\"change\": " + history.get(0).get("id").asLong() + ", \"comment\": \"删错了\"}");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(JSON.readTree(restored.body()).get("revision").asLong()).isEqualTo(3);
    }

    @Test
    void only_admins_use_the_studio_and_its_edits_export_as_files_the_loaders_read() throws Exception {
        assertThat(lina.send("GET", "/api/studio/entries", null).statusCode()).isEqualTo(403);
        assertThat(lina.send("POST", "/api/studio/entries", newEntry("x-y").toString()).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/studio/entries").statusCode()).isEqualTo(401);
        assertThat(wang.send("POST", "/api/studio/entries", newEntry("refund-detail").toString(), false).statusCode())
                .as("no CSRF token").isEqualTo(403);

        String phone = "13812345678";
        ObjectNode withPhone = newEntry("refund-detail");
        ((ArrayNode) withPhone.get("paraphrases")).add("我手机号" + phone + "的退款明细");
        assertThat(wang.send("POST", "/api/studio/entries", withPhone.toString()).statusCode()).isEqualTo(201);
        assertThat(wang.send("GET", "/api/studio/entries/refund-detail", null).body()).doesNotContain(phone);

        CorpusText text = CorpusFormat.render(new SqlKbStore(server.db()).snapshot());
        Path out = Files.createDirectories(dir.resolve("exported"));
        Files.writeString(out.resolve("faq.txt"), CorpusText.joined(text.faq()));
        Files.writeString(out.resolve("intents.tsv"), CorpusText.joined(text.intents()));
        Files.writeString(out.resolve("synonyms.txt"), text.synonyms());
        Files.writeString(out.resolve("eval.tsv"), text.eval());
        CorpusImport reread = CorpusImport.read(out);
        assertThat(reread.entries().stream().filter(e -> e.id().equals("refund-detail")).findFirst().orElseThrow().intent())
                .isEqualTo("refund_time");
        int refund = reread.entries().indexOf(reread.entries().stream().filter(e -> e.id().equals("refund-detail"))
                .findFirst().orElseThrow());
        assertThat(reread.entries().get(refund - 1).intent()).as("placed after its intent's entries").isEqualTo("refund_time");
    }

    @Test
    void a_training_that_fails_is_marked_failed_and_nothing_is_published() throws Exception {
        HttpResponse<String> started = wang.send("POST", "/api/studio/versions", "{\"comment\": \"试训练\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = JSON.readTree(started.body()).get("id").asLong();
        JsonNode version = wang.json("GET", "/api/studio/versions/" + id, null);
        for (int i = 0; i < 100 && version.get("status").asText().equals("training"); i++) {
            Thread.sleep(100); // polling the background job, as the studio page does
            version = wang.json("GET", "/api/studio/versions/" + id, null);
        }
        assertThat(version.get("status").asText()).isEqualTo("failed");
        assertThat(version.get("error").asText()).contains("trains no models");
        assertThat(wang.json("GET", "/api/studio/versions", null).get("published").isNull()).isTrue();
        HttpResponse<String> publish = wang.send("POST", "/api/studio/versions/" + id + "/publish", "{}");
        assertThat(publish.statusCode()).isEqualTo(400);
        assertThat(wang.send("POST", "/api/studio/versions/99/publish", "{}").statusCode()).isEqualTo(404);
        assertThat(lina.send("POST", "/api/studio/versions", "{\"comment\": \"x\"}").statusCode()).isEqualTo(403);

        JsonNode hit = wang.json("POST", "/api/studio/hit-test", "{\"text\": \"退款多久到账\"}");
        assertThat(hit.get("published").get("action").asText()).isEqualTo("answer");
        assertThat(hit.get("published").get("candidates").get(0).get("faqId").asText()).startsWith("refund");
        assertThat(hit.get("draft").isNull()).isTrue();
        assertThat(wang.send("POST", "/api/studio/hit-test", "{\"text\": \" \"}").statusCode()).isEqualTo(400);
    }
}
