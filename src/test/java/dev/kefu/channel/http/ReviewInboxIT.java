package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.Retention;
import dev.kefu.store.SqlAccountStore;
import dev.kefu.studio.review.LeaderClustering;
import dev.kefu.studio.review.ReviewInbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review inbox over HTTP (also run on PostgreSQL): fallbacks, 👎 and low-scored answers show
 * up, similar messages in one cluster, biggest first, with the ranker's suggestion and the agent's
 * answer as a draft; a review takes them out; admins only.
 */
class ReviewInboxIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";
    private static final List<String> WEATHER = List.of("今天天气怎么样", "明天天气怎么样啊", "今天的天气好不好");

    @TempDir
    Path dir;
    private TestServer server;
    private AgentLogin admin;
    private AgentLogin lina;

    private void start(ReviewInbox.Settings settings) throws Exception {
        server = new TestServer(dir.resolve("kefu.db"), settings);
        Accounts accounts = new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC());
        if (accounts.store().find("boss").isEmpty()) { // a second server on the same database finds them
            accounts.create(new NewAccount("boss", "王经理", PASSWORD, Role.ADMIN, 5));
            accounts.create(new NewAccount("lina", "李娜", PASSWORD, Role.AGENT, 5));
        }
        admin = AgentLogin.of(server, "boss", PASSWORD);
        lina = AgentLogin.of(server, "lina", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode inbox() throws Exception {
        HttpResponse<String> response = admin.send("GET", "/api/studio/inbox", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> review(Map<String, Object> body) throws Exception {
        return admin.send("POST", "/api/studio/inbox/reviews", JSON.writeValueAsString(body));
    }

    private static List<String> texts(JsonNode cluster) {
        return cluster.get("examples").findValuesAsText("text");
    }

    private static JsonNode clusterWith(JsonNode inbox, String text) {
        for (JsonNode cluster : inbox.get("clusters")) {
            if (texts(cluster).contains(text)) {
                return cluster;
            }
        }
        throw new AssertionError(text + " is in no cluster of " + inbox);
    }

    @Test
    void misses_show_up_clustered_biggest_first_and_a_dismissal_takes_them_out() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        for (String text : WEATHER) {
            assertThat(server.say(null, text).get("action").asText()).as(text).isEqualTo("fallback");
        }
        assertThat(server.say(null, "红烧肉怎么做").get("action").asText()).isEqualTo("fallback");
        JsonNode rated = server.say(null, "退款多久到账");
        server.post("/api/conversations/" + rated.get("conversationId").asText() + "/feedback",
                "{\"messageId\": " + rated.get("messageId") + ", \"helpful\": false}");
        server.say(null, "忘记密码怎么办"); // answered well and not rated: not in the inbox
        server.say(null, "转人工"); // a request, not a miss

        JsonNode inbox = inbox();
        assertThat(inbox.get("reviewThreshold").asDouble()).isEqualTo(ReviewInbox.Settings.DEFAULT_THRESHOLD);
        JsonNode first = inbox.get("clusters").get(0);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(texts(first)).containsExactlyElementsOf(WEATHER); // in the order they came
        assertThat(first.get("examples").get(0).get("action").asText()).isEqualTo("fallback");
        assertThat(texts(clusterWith(inbox, "红烧肉怎么做"))).containsExactly("红烧肉怎么做");
        JsonNode down = clusterWith(inbox, "退款多久到账").get("examples").get(0);
        assertThat(down.get("thumbsDown").asBoolean()).isTrue();
        assertThat(down.get("faqId").asText()).isEqualTo("refund-time");
        assertThat(clusterWith(inbox, "退款多久到账").get("suggestion").get("faqId").asText()).isEqualTo("refund-time");
        String all = inbox.toString();
        assertThat(all).doesNotContain("忘记密码怎么办").doesNotContain("转人工");
        assertThat(inbox.get("messages").asInt()).isEqualTo(5);

        HttpResponse<String> dismissed = review(Map.of("messageIds", first.get("messageIds"), "outcome", "dismissed",
                "comment", "闲聊，不是业务问题"));
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(201);
        assertThat(JSON.readTree(dismissed.body()).get("reviewer").asText()).isEqualTo("boss");
        JsonNode after = inbox();
        assertThat(after.toString()).doesNotContain("天气");
        assertThat(after.get("messages").asInt()).isEqualTo(2);

        // reviewed twice: 409, and nothing of the second review is kept
        long cooking = clusterWith(after, "红烧肉怎么做").get("messageIds").get(0).asLong();
        HttpResponse<String> again = review(Map.of("messageIds", List.of(cooking, first.get("messageIds").get(0).asLong()),
                "outcome", "out_of_scope"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(inbox().toString()).contains("红烧肉怎么做");

        // one message of a cluster, added to an entry
        long refund = clusterWith(after, "退款多久到账").get("messageIds").get(0).asLong();
        assertThat(review(Map.of("messageIds", List.of(refund), "outcome", "added_to_entry", "faqId", "refund-time"))
                .statusCode()).isEqualTo(201);
        assertThat(inbox().toString()).doesNotContain("退款多久到账");
    }

    @Test
    void bad_reviews_are_400_naming_the_field_and_unknown_messages_404() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        long bot = server.say(null, "今天天气怎么样").get("messageId").asLong();
        for (String body : List.of("{}", "{\"messageIds\": [], \"outcome\": \"dismissed\"}",
                "{\"messageIds\": [1, 1], \"outcome\": \"dismissed\"}", "{\"messageIds\": [\"1\"], \"outcome\": \"dismissed\"}",
                "{\"messageIds\": [1], \"outcome\": \"deleted\"}", "{\"messageIds\": [1]}",
                "{\"messageIds\": [1], \"outcome\": \"added_to_entry\"}",
                "{\"messageIds\": [1], \"outcome\": \"dismissed\", \"faqId\": \"refund-time\"}",
                "{\"messageIds\": [1], \"outcome\": \"dismissed\", \"comment\": 5}", "[1]", "not json")) {
            HttpResponse<String> response = admin.send("POST", "/api/studio/inbox/reviews", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(body).isNotBlank();
        }
        assertThat(JSON.readTree(admin.send("POST", "/api/studio/inbox/reviews", "{\"messageIds\": [1], \"outcome\": \"x\"}")
                .body()).get("error").asText()).contains("outcome");
        assertThat(JSON.readTree(admin.send("POST", "/api/studio/inbox/reviews", "{\"outcome\": \"dismissed\"}")
                .body()).get("error").asText()).contains("messageIds");
        // a bot line is not a message to review, nor is an id no transcript has
        assertThat(review(Map.of("messageIds", List.of(bot), "outcome", "dismissed")).statusCode()).isEqualTo(404);
        assertThat(review(Map.of("messageIds", List.of(987654), "outcome", "dismissed")).statusCode()).isEqualTo(404);
        assertThat(inbox().get("messages").asInt()).isEqualTo(1);
        // without the CSRF token the session cannot write
        assertThat(admin.send("POST", "/api/studio/inbox/reviews", "{\"messageIds\": [1], \"outcome\": \"dismissed\"}", false)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void only_admins_see_the_inbox() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        server.say(null, "今天天气怎么样");
        assertThat(lina.send("GET", "/api/studio/inbox", null).statusCode()).isEqualTo(403);
        assertThat(lina.send("POST", "/api/studio/inbox/reviews", "{\"messageIds\": [1], \"outcome\": \"dismissed\"}")
                .statusCode()).isEqualTo(403);
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/studio/inbox"))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).GET()).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/studio/inbox").statusCode()).isEqualTo(401);
        assertThat(server.post("/api/studio/inbox/reviews", "{}").statusCode()).isEqualTo(401);
        assertThat(inbox().get("messages").asInt()).isEqualTo(1);
    }

    @Test
    void answers_below_the_review_threshold_are_reviewed_and_others_not() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        JsonNode confident = server.say(null, "退款多久到账");
        JsonNode logged = JSON.readTree(admin.send("GET", "/api/agent/messages/" + confident.get("messageId") + "/decision",
                null).body());
        double score = logged.get("decision").get("candidates").get(0).get("score").asDouble();
        assertThat(score).as("a confident answer").isGreaterThanOrEqualTo(ReviewInbox.Settings.DEFAULT_THRESHOLD);
        assertThat(inbox().get("messages").asInt()).isZero();
        server.close();

        // the same database, read by a server that reviews every answer below 1.0
        start(new ReviewInbox.Settings(1.0, LeaderClustering.DEFAULT_SIMILARITY, 500));
        JsonNode low = inbox().get("clusters").get(0).get("examples").get(0);
        assertThat(low.get("text").asText()).isEqualTo("退款多久到账");
        assertThat(low.get("action").asText()).isEqualTo("answer");
        assertThat(low.get("answerScore").asDouble()).isCloseTo(score, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void the_agents_answer_after_a_handoff_is_the_draft_of_a_new_entry_masked() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        String conversation = server.say(null, "今天天气怎么样").get("conversationId").asText();
        JsonNode offered = server.say(conversation, "明天天气怎么样啊");
        assertThat(offered.get("reason").asText()).isEqualTo("repeated_fallback");
        JsonNode handoff = server.say(conversation, "好的");
        assertThat(handoff.get("action").asText()).isEqualTo("handoff");
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/messages",
                JSON.writeValueAsString(Map.of("text", "天气请看天气预报，有事可拨 13912345678 找我"))).statusCode()).isEqualTo(201);

        JsonNode cluster = clusterWith(inbox(), "今天天气怎么样");
        assertThat(texts(cluster)).containsExactly("今天天气怎么样", "明天天气怎么样啊");
        assertThat(cluster.get("draftAnswer").asText()).contains("天气请看天气预报").doesNotContain("13912345678");
        assertThat(inbox().toString()).doesNotContain("好的"); // the accepted offer is no miss of its own
    }

    @Test
    void a_reviewed_conversation_is_purged_with_its_reviews() throws Exception {
        start(ReviewInbox.Settings.DEFAULT);
        String conversation = server.say(null, "今天天气怎么样").get("conversationId").asText();
        List<Long> ids = new ArrayList<>();
        inbox().get("clusters").get(0).get("messageIds").forEach(id -> ids.add(id.asLong()));
        assertThat(review(Map.of("messageIds", ids, "outcome", "out_of_scope")).statusCode()).isEqualTo(201);
        assertThat(new Retention(server.db()).purge(conversation)).isTrue();
        assertThat(server.get("/api/conversations/" + conversation + "/messages").statusCode()).isEqualTo(404);
        Integer left = server.db().read(c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM review_outcomes"); var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
        assertThat(left).isZero();
    }
}
