package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.channel.webhook.WechatCrypto;
import dev.kefu.channel.webhook.WechatMenu;
import dev.kefu.channel.webhook.WechatSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /webhook/wechat} in 明文, 兼容 and 安全 mode, its replay rules, voice, menu clicks and id
 * limits, over HTTP against the real server. Encrypted requests are built as WeChat builds them
 * ({@link WechatCrypto}, itself checked against the wechatpy SDK's vectors in WechatCryptoTest).
 */
class WechatModesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "wx5823bf96d3bd56c7";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final AtomicLong IDS = new AtomicLong(8_100_000_000_000_000_000L);
    private static final WechatCrypto WECHAT = new WechatCrypto(TestServer.WECHAT_TOKEN, AES_KEY, APP_ID);

    @TempDir
    Path dir;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(WebhookSettings.WechatMode mode, WechatMenu menu) {
        WechatCrypto crypto = mode == WebhookSettings.WechatMode.PLAIN ? null : new WechatCrypto(TestServer.WECHAT_TOKEN, AES_KEY, APP_ID);
        server = new TestServer(dir.resolve("kefu.db"), new WebhookSettings(TestServer.WECHAT_TOKEN, mode, crypto,
                TestServer.WEBHOOK_SECRET, WebhookSettings.DEFAULT_WINDOW, menu, 0));
        return server;
    }

    private static String text(String openId, String content) {
        return WebhookIT.textXml(openId, content, IDS.incrementAndGet());
    }

    /** What WeChat posts in safe mode: the message encrypted, signed with msg_signature. */
    private HttpResponse<String> encrypted(WechatCrypto by, String xml, String plaintextBesides) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + System.nanoTime();
        String encrypt = by.encrypt(xml);
        String body = "<xml><ToUserName><![CDATA[gh_zhineng]]></ToUserName>" + plaintextBesides
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        String query = "?signature=" + WechatSignature.of(TestServer.WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=o_x&encrypt_type=aes&msg_signature="
                + WECHAT.signature(timestamp, nonce, encrypt);
        return post(query, body);
    }

    private HttpResponse<String> plain(String xml) throws Exception {
        return post(WebhookIT.signedQuery(TestServer.WECHAT_TOKEN, ""), xml);
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/webhook/wechat" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The passive reply inside an encrypted envelope, after checking the envelope's signature. */
    private static String opened(String envelope) {
        String encrypt = between(envelope, "<Encrypt><![CDATA[", "]]></Encrypt>");
        String timestamp = between(envelope, "<TimeStamp>", "</TimeStamp>");
        String nonce = between(envelope, "<Nonce><![CDATA[", "]]></Nonce>");
        assertThat(between(envelope, "<MsgSignature><![CDATA[", "]]></MsgSignature>"))
                .isEqualTo(WECHAT.signature(timestamp, nonce, encrypt));
        return WECHAT.decrypt(encrypt);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start + " in " + text).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void safe_mode_answers_an_encrypted_message_encrypted_and_refuses_plaintext() throws Exception {
        start(WebhookSettings.WechatMode.SAFE, WechatMenu.NONE);
        HttpResponse<String> reply = encrypted(WECHAT, text("o_safe_1", "退款多久到账"), "");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("工作日").contains("<Encrypt>");
        assertThat(opened(reply.body())).contains("<ToUserName><![CDATA[o_safe_1]]></ToUserName>").contains("3 至 5 个工作日");
        HttpResponse<String> plaintext = plain(text("o_safe_1", "退款多久到账"));
        assertThat(plaintext.statusCode()).isEqualTo(401);
        assertThat(error(plaintext)).contains("safe mode");
    }

    @Test
    void compatible_mode_reads_only_the_encrypted_half_and_still_accepts_plaintext() throws Exception {
        start(WebhookSettings.WechatMode.COMPATIBLE, WechatMenu.NONE);
        String forged = "<FromUserName><![CDATA[o_victim]]></FromUserName><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[转人工]]></Content>";
        HttpResponse<String> reply = encrypted(WECHAT, text("o_compat_1", "退款多久到账"), forged);
        assertThat(opened(reply.body())).as("the unsigned plaintext half is ignored")
                .contains("<ToUserName><![CDATA[o_compat_1]]></ToUserName>").contains("3 至 5 个工作日");
        HttpResponse<String> plaintext = plain(text("o_compat_2", "退款多久到账"));
        assertThat(plaintext.statusCode()).isEqualTo(200);
        assertThat(plaintext.body()).startsWith("<xml><ToUserName>").contains("3 至 5 个工作日");
    }

    @Test
    void an_encrypted_message_to_a_plaintext_server_says_what_to_configure() throws Exception {
        start(WebhookSettings.WechatMode.PLAIN, WechatMenu.NONE);
        HttpResponse<String> reply = encrypted(WECHAT, text("o_plain_1", "退款多久到账"), "");
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(error(reply)).contains("KEFU_WECHAT_AES_KEY");
    }

    @Test
    void another_key_another_app_id_or_a_tampered_encrypt_is_refused_never_500() throws Exception {
        start(WebhookSettings.WechatMode.SAFE, WechatMenu.NONE);
        WechatCrypto otherKey = new WechatCrypto(TestServer.WECHAT_TOKEN, "A".repeat(43), APP_ID);
        HttpResponse<String> wrongKey = encrypted(otherKey, text("o_bad_1", "你好"), "");
        assertThat(wrongKey.statusCode()).as(wrongKey.body()).isEqualTo(400);
        WechatCrypto otherApp = new WechatCrypto(TestServer.WECHAT_TOKEN, AES_KEY, "wx0000000000000000");
        HttpResponse<String> wrongApp = encrypted(otherApp, text("o_bad_2", "你好"), "");
        assertThat(wrongApp.statusCode()).isEqualTo(400);
        assertThat(error(wrongApp)).contains("AppID");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String encrypt = WECHAT.encrypt(text("o_bad_3", "你好"));
        String tampered = (encrypt.charAt(10) == 'A' ? 'B' : 'A') + "";
        String body = "<xml><Encrypt><![CDATA[" + encrypt.substring(0, 10) + tampered + encrypt.substring(11) + "]]></Encrypt></xml>";
        HttpResponse<String> changed = post("?timestamp=" + timestamp + "&nonce=n1&encrypt_type=aes&msg_signature="
                + WECHAT.signature(timestamp, "n1", encrypt), body);
        assertThat(changed.statusCode()).isEqualTo(401);
        assertThat(error(changed)).contains("msg_signature");
        assertThat(post("?timestamp=" + timestamp + "&nonce=n2&encrypt_type=aes&msg_signature=x", "<xml/>").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_replayed_request_or_one_from_2001_is_refused() throws Exception {
        start(WebhookSettings.WechatMode.PLAIN, WechatMenu.NONE);
        String query = WebhookIT.signedQuery(TestServer.WECHAT_TOKEN, "");
        String xml = text("o_replay_1", "退款多久到账");
        assertThat(post(query, xml).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(query, text("o_replay_1", "转人工"));
        assertThat(again.statusCode()).as("same timestamp and nonce").isEqualTo(401);
        assertThat(error(again)).contains("replayed");
        String old = "1000000000"; // 2001-09-09
        HttpResponse<String> ancient = post("?signature=" + WechatSignature.of(TestServer.WECHAT_TOKEN, old, "n-2001")
                + "&timestamp=" + old + "&nonce=n-2001", text("o_replay_2", "你好"));
        assertThat(ancient.statusCode()).isEqualTo(401);
        assertThat(error(ancient)).contains("5 minutes");
        HttpResponse<String> verify = server.get("/webhook/wechat?signature=" + WechatSignature.of(TestServer.WECHAT_TOKEN,
                old, "n-2001") + "&timestamp=" + old + "&nonce=n-2001&echostr=abc");
        assertThat(verify.statusCode()).isEqualTo(401);
    }

    @Test
    void a_voice_message_is_answered_from_its_recognition() throws Exception {
        start(WebhookSettings.WechatMode.PLAIN, WechatMenu.NONE);
        String voice = "<xml><ToUserName>gh</ToUserName><FromUserName>o_voice_1</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><Recognition><![CDATA[退款多久到账]]>"
                + "</Recognition><MsgId>" + IDS.incrementAndGet() + "</MsgId></xml>";
        assertThat(plain(voice).body()).contains("3 至 5 个工作日");
        String unrecognised = voice.replace("<![CDATA[退款多久到账]]>", "").replace("o_voice_1", "o_voice_2");
        assertThat(plain(unrecognised).body()).contains("没有听清");
    }

    @Test
    void menu_clicks_answer_from_the_menu_file() throws Exception {
        Path file = Files.writeString(dir.resolve("menu.txt"), "REFUND = faq:refund-time\nHUMAN = 转人工\n");
        start(WebhookSettings.WechatMode.PLAIN, WechatMenu.read(file, Map.of("refund-time", "退款一般 3 至 5 个工作日到账。")));
        String click = "<xml><ToUserName>gh</ToUserName><FromUserName>o_menu_1</FromUserName><CreateTime>%d</CreateTime>"
                + "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>%s</EventKey></xml>";
        assertThat(plain(click.formatted(1, "REFUND")).body()).contains("退款一般 3 至 5 个工作日到账");
        assertThat(plain(click.formatted(2, "HUMAN")).body()).contains("人工客服");
        assertThat(plain(click.formatted(3, "UNKNOWN")).body()).isEqualTo("success");
    }

    @Test
    void ids_longer_than_wechat_s_are_400() throws Exception {
        start(WebhookSettings.WechatMode.PLAIN, WechatMenu.NONE);
        HttpResponse<String> longUser = plain(WebhookIT.textXml("o" + "x".repeat(40), "你好", 1));
        assertThat(longUser.statusCode()).isEqualTo(400);
        assertThat(error(longUser)).contains("FromUserName");
        HttpResponse<String> longId = plain(text("o_ids_1", "你好").replaceAll("<MsgId>\\d+", "<MsgId>" + "9".repeat(21)));
        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(error(longId)).contains("MsgId");
    }

    @Test
    void the_webhooks_have_a_rate_limit_of_their_own() throws Exception {
        server = new TestServer(dir.resolve("kefu.db"), new WebhookSettings(TestServer.WECHAT_TOKEN,
                WebhookSettings.WechatMode.PLAIN, null, TestServer.WEBHOOK_SECRET, WebhookSettings.DEFAULT_WINDOW,
                WechatMenu.NONE, 1));
        int limited = 0;
        for (int i = 0; i < 4; i++) { // a burst of 2, then 1 a second
            HttpResponse<String> response = plain(text("o_rate_" + i, "你好"));
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(error(response)).contains("webhook");
            }
        }
        assertThat(limited).isPositive();
        assertThat(server.post("/api/messages", "{\"text\": \"你好\"}").statusCode()).as("the web API's own limit is off here")
                .isEqualTo(200);
    }
}
