package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.HmacSignature;
import dev.kefu.channel.webhook.WechatSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WeChat and generic webhooks over HTTP against the real server (in process). */
class WebhookIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000_000_000L);

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

    static String signedQuery(String token, String extra) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + System.nanoTime();
        return "?signature=" + WechatSignature.of(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce + extra;
    }

    static String textXml(String openId, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_zhineng]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>1764000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private HttpResponse<String> wechat(String xml) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/webhook/wechat"
                + signedQuery(TestServer.WECHAT_TOKEN, ""))).POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private HttpResponse<String> generic(String body, String signature, long timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + "/webhook/generic"))
                .header("Content-Type", "application/json").header("X-Kefu-Timestamp", String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Kefu-Signature", signature);
        }
        return server.send(request);
    }

    private HttpResponse<String> generic(String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return generic(body, sign(now, body), now);
    }

    static String sign(long timestamp, String body) {
        return new HmacSignature(TestServer.WEBHOOK_SECRET).sign(String.valueOf(timestamp), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void server_verification_echoes_echostr_only_with_a_valid_signature() throws Exception {
        HttpResponse<String> ok = server.get("/webhook/wechat" + signedQuery(TestServer.WECHAT_TOKEN, "&echostr=abc123"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("abc123");
        HttpResponse<String> bad = server.get("/webhook/wechat" + signedQuery("wrong-token", "&echostr=abc123"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).doesNotContain("abc123");
    }

    @Test
    void a_text_message_gets_a_passive_xml_reply_with_the_faq_answer() throws Exception {
        HttpResponse<String> response = wechat(textXml("o_user_1", "退款多久到账", MSG_IDS.incrementAndGet()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<xml>")
                .contains("<ToUserName><![CDATA[o_user_1]]></ToUserName>")
                .contains("<FromUserName><![CDATA[gh_zhineng]]></FromUserName>")
                .contains("<MsgType><![CDATA[text]]></MsgType>")
                .contains("3 至 5 个工作日")
                .containsPattern("<CreateTime>\\d+</CreateTime>");
    }

    @Test
    void an_invalid_signature_is_401_and_nothing_is_processed() throws Exception {
        String xml = textXml("o_user_2", "退款多久到账", MSG_IDS.incrementAndGet());
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + "/webhook/wechat"
                + signedQuery("not-the-token", ""))).POST(HttpRequest.BodyPublishers.ofString(xml)));
        assertThat(response.statusCode()).isEqualTo(401);
        HttpResponse<String> first = wechat(textXml("o_user_2", "你好", MSG_IDS.incrementAndGet()));
        assertThat(first.body()).as("the refused message left no conversation behind").doesNotContain("工作日");
    }

    @Test
    void a_resent_msg_id_is_processed_once_and_gets_the_same_reply() throws Exception {
        long msgId = MSG_IDS.incrementAndGet();
        String first = wechat(textXml("o_user_3", "今天天气怎么样", msgId)).body();
        String again = wechat(textXml("o_user_3", "今天天气怎么样", msgId)).body();
        assertThat(again.replaceAll("<CreateTime>\\d+", "")).isEqualTo(first.replaceAll("<CreateTime>\\d+", ""));
        String third = wechat(textXml("o_user_3", "讲个笑话", MSG_IDS.incrementAndGet())).body();
        assertThat(third).as("only one fallback was counted, so this is the second: a person offered").contains("回复「好的」");
    }

    @Test
    void one_open_id_is_one_conversation_and_an_agent_who_takes_it_makes_the_bot_silent() throws Exception {
        assertThat(wechat(textXml("o_user_4", "转人工", MSG_IDS.incrementAndGet())).body()).contains("人工客服");
        String meanwhile = wechat(textXml("o_user_4", "退款多久到账", MSG_IDS.incrementAndGet())).body();
        assertThat(meanwhile).as("answered while the person is on the way").contains("工作日").contains("取消转人工");
        JsonNode waiting = JSON.readTree(server.send(HttpRequest.newBuilder(URI.create(server.base
                + "/api/agent/tickets?status=waiting")).header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).GET())
                .body()).get("tickets");
        assertThat(waiting).hasSize(1);
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/tickets/"
                + waiting.get(0).get("ticketId").asText() + "/claim")).header("Authorization", "Bearer "
                + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> silent = wechat(textXml("o_user_4", "还在吗", MSG_IDS.incrementAndGet()));
        assertThat(silent.statusCode()).isEqualTo(200);
        assertThat(silent.body()).isEqualTo("success");
    }

    @Test
    void subscribe_gets_the_greeting_other_types_a_polite_text_and_unknown_events_success() throws Exception {
        String subscribe = "<xml><ToUserName>gh</ToUserName><FromUserName>o_5</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>event</MsgType><Event>subscribe</Event></xml>";
        assertThat(wechat(subscribe).body()).contains("欢迎关注智能");
        String image = "<xml><ToUserName>gh</ToUserName><FromUserName>o_5</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>image</MsgType><PicUrl>http://x/y.jpg</PicUrl><MsgId>42</MsgId></xml>";
        assertThat(wechat(image).body()).contains("文字消息");
        String view = "<xml><ToUserName>gh</ToUserName><FromUserName>o_5</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>event</MsgType><Event>VIEW</Event></xml>";
        assertThat(wechat(view).body()).isEqualTo("success");
    }

    @Test
    void an_xxe_payload_is_rejected_and_no_file_content_leaks() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>o_6</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&x;</Content><MsgId>99</MsgId></xml>";
        HttpResponse<String> response = wechat(xxe);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void malformed_or_incomplete_xml_is_400() throws Exception {
        assertThat(wechat("<xml><ToUserName>gh</ToUserName>").statusCode()).isEqualTo(400);
        assertThat(wechat("not xml at all").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = wechat("<xml><ToUserName>gh</ToUserName><MsgType>text</MsgType></xml>");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("FromUserName");
    }

    @Test
    void the_generic_webhook_answers_signed_messages_like_the_api() throws Exception {
        HttpResponse<String> response = generic("{\"userId\": \"u-1\", \"text\": \"忘记密码了\", \"messageId\": \"m-1\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.get("action").asText()).isEqualTo("answer");
        assertThat(reply.get("intent").asText()).isEqualTo("forgot_password");
        String conversation = reply.get("conversationId").asText();
        JsonNode next = JSON.readTree(generic("{\"userId\": \"u-1\", \"text\": \"谢谢\", \"messageId\": \"m-2\"}").body());
        assertThat(next.get("conversationId").asText()).isEqualTo(conversation);
    }

    @Test
    void the_generic_webhook_refuses_bad_stale_or_missing_signatures() throws Exception {
        String body = "{\"userId\": \"u-2\", \"text\": \"退款\", \"messageId\": \"m-3\"}";
        assertThat(generic(body, null, Instant.now().getEpochSecond()).statusCode()).isEqualTo(401);
        assertThat(generic(body, "sha256=" + "0".repeat(64), Instant.now().getEpochSecond()).statusCode()).isEqualTo(401);
        long old = Instant.now().minusSeconds(301).getEpochSecond();
        HttpResponse<String> stale = generic(body, sign(old, body), old);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(stale.body()).get("error").asText()).contains("5 minutes");
        long now = Instant.now().getEpochSecond();
        assertThat(generic(body, sign(now, body), now).statusCode()).isEqualTo(200);
    }

    @Test
    void the_generic_webhook_processes_a_message_id_once_and_validates_fields() throws Exception {
        String body = "{\"userId\": \"u-3\", \"text\": \"今天天气怎么样\", \"messageId\": \"m-4\"}";
        String first = generic(body).body();
        assertThat(generic(body).body()).isEqualTo(first);
        JsonNode reply = JSON.readTree(generic("{\"userId\": \"u-3\", \"text\": \"讲个笑话\", \"messageId\": \"m-5\"}").body());
        assertThat(reply.get("reason").asText()).as("one fallback counted before this one").isEqualTo("repeated_fallback");
        HttpResponse<String> missing = generic("{\"userId\": \"u-3\", \"text\": \"退款\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("messageId");
        assertThat(generic("{\"userId\": \"u-3\", \"messageId\": \"m-6\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void a_user_reusing_another_user_s_message_id_gets_a_reply_and_conversation_of_their_own() throws Exception {
        JsonNode a = JSON.readTree(generic("{\"userId\": \"user-a\", \"text\": \"忘记密码了\", \"messageId\": \"shared-1\"}").body());
        HttpResponse<String> response = generic("{\"userId\": \"user-b\", \"text\": \"忘记密码了\", \"messageId\": \"shared-1\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode b = JSON.readTree(response.body());
        assertThat(b.get("conversationId").asText()).as("B never learns A's conversation").isNotEqualTo(a.get("conversationId").asText());
        assertThat(b.get("intent").asText()).isEqualTo("forgot_password");
    }

    @Test
    void the_same_message_id_with_another_text_is_409_and_changes_nothing() throws Exception {
        String first = generic("{\"userId\": \"u-409\", \"text\": \"退款多久到账\", \"messageId\": \"m-409\"}").body();
        HttpResponse<String> other = generic("{\"userId\": \"u-409\", \"text\": \"转人工\", \"messageId\": \"m-409\"}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("error").asText()).contains("m-409").contains("another text");
        String conversation = JSON.readTree(first).get("conversationId").asText();
        assertThat(JSON.readTree(server.get("/api/conversations/" + conversation + "/messages").body()).get("messages"))
                .as("one turn: the user's line and the bot's").hasSize(2);
    }

    @Test
    void an_old_body_and_signature_under_a_fresh_timestamp_header_is_401() throws Exception {
        String body = "{\"userId\": \"u-replay\", \"text\": \"退款\", \"messageId\": \"m-replay\"}";
        long then = Instant.now().minusSeconds(3_600).getEpochSecond();
        HttpResponse<String> replayed = generic(body, sign(then, body), Instant.now().getEpochSecond());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(replayed.body()).get("error").asText()).contains("X-Kefu-Timestamp + \".\" + body");
    }

    @Test
    void a_resend_after_a_crash_between_turn_and_stored_reply_gets_the_stored_turn_not_a_second_one() throws Exception {
        String body = "{\"userId\": \"u-crash\", \"text\": \"今天天气怎么样\", \"messageId\": \"m-crash\"}";
        JsonNode first = JSON.readTree(generic(body).body());
        // what a kill -9 after the turn's commit leaves: the key and its turn, no reply stored
        server.db().inTransaction(c -> c.createStatement().executeUpdate("UPDATE inbound_messages SET reply = NULL"));
        JsonNode again = JSON.readTree(generic(body).body());
        assertThat(again.get("conversationId").asText()).isEqualTo(first.get("conversationId").asText());
        assertThat(again.get("action").asText()).isEqualTo("fallback");
        assertThat(again.get("reply").asText()).isEqualTo(first.get("reply").asText());
        assertThat(again.get("messageId").asLong()).isEqualTo(first.get("messageId").asLong());
        String conversation = first.get("conversationId").asText();
        assertThat(JSON.readTree(server.get("/api/conversations/" + conversation + "/messages").body()).get("messages"))
                .as("answered once").hasSize(2);
        JsonNode next = JSON.readTree(generic("{\"userId\": \"u-crash\", \"text\": \"讲个笑话\", \"messageId\": \"m-crash-2\"}").body());
        assertThat(next.get("reason").asText()).as("one fallback was counted").isEqualTo("repeated_fallback");
    }

    @Test
    void the_inbound_keys_are_purged_with_their_conversation_and_by_retention() throws Exception {
        String conversation = JSON.readTree(generic("{\"userId\": \"u-purge\", \"text\": \"退款\", \"messageId\": \"p-1\"}")
                .body()).get("conversationId").asText();
        generic("{\"userId\": \"u-kept\", \"text\": \"退款\", \"messageId\": \"p-2\"}");
        assertThat(inboundKeys()).isEqualTo(2);
        assertThat(new dev.kefu.store.Retention(server.db()).purge(conversation)).isTrue();
        assertThat(inboundKeys()).as("the purged conversation's key is gone").isEqualTo(1);
        new dev.kefu.store.Retention(server.db()).purgeOlderThan(Instant.now().plusSeconds(60));
        assertThat(inboundKeys()).as("retention removes old keys").isZero();
    }

    private long inboundKeys() {
        return server.db().read(c -> {
            try (var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbound_messages")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void generic_webhook_messages_of_one_user_arriving_together_each_count_once() throws Exception {
        assertThat(generic("{\"userId\": \"u-9\", \"text\": \"你好\", \"messageId\": \"g-0\"}").statusCode())
                .isEqualTo(200);
        assertOneConversationAnswersInOrder("u-9", 10);
    }

    @Test
    void the_first_messages_of_a_new_user_arriving_together_start_one_conversation() throws Exception {
        // nobody has linked u-10 yet: every request would start a conversation of its own
        assertOneConversationAnswersInOrder("u-10", 10);
    }

    /** {@code n} unknown messages of {@code userId} at once get what they would get one after another. */
    private void assertOneConversationAnswersInOrder(String userId, int n) throws Exception {
        List<HttpResponse<String>> replies = AtOnce.run(n, i -> () -> generic("{\"userId\": \"" + userId
                + "\", \"text\": \"今天天气怎么样\", \"messageId\": \"" + userId + "-" + (i + 1) + "\"}"));
        Map<String, Integer> outcomes = new TreeMap<>();
        java.util.Set<String> conversations = new java.util.HashSet<>();
        for (HttpResponse<String> reply : replies) {
            JsonNode json = JSON.readTree(reply.body());
            outcomes.merge(json.get("action").asText() + "/" + json.get("reason").asText(), 1, Integer::sum);
            conversations.add(json.get("conversationId").asText());
        }
        assertThat(conversations).as("one conversation").hasSize(1);
        assertThat(outcomes).as("one fallback, then each later one offers a person, as in sequence")
                .containsEntry("fallback/out_of_scope", 1).containsEntry("fallback/repeated_fallback", n - 1)
                .hasSize(2);
    }
}
