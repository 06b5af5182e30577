package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ratings of answers over HTTP, and the per-FAQ counts the team reads; the dialog context survives a restart. */
class FeedbackIT {
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

    private HttpResponse<String> rate(String conversation, String body) throws Exception {
        return server.post("/api/conversations/" + conversation + "/feedback", body);
    }

    private JsonNode perFaq() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/feedback"))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode row(JsonNode report, String faqId) {
        for (JsonNode row : report.get("faqs")) {
            if (row.get("faqId").asText().equals(faqId)) {
                return row;
            }
        }
        throw new AssertionError(faqId + " not in " + report);
    }

    @Test
    void an_answer_rated_by_message_id_or_faq_id_shows_in_the_per_faq_counts() throws Exception {
        JsonNode first = server.say(null, "退款多久到账");
        String id = first.get("conversationId").asText();
        assertThat(first.get("messageId").asLong()).isPositive();
        HttpResponse<String> byMessage = rate(id, "{\"messageId\": " + first.get("messageId") + ", \"helpful\": false}");
        assertThat(byMessage.statusCode()).as(byMessage.body()).isEqualTo(200);
        assertThat(JSON.readTree(byMessage.body()).get("faqId").asText()).isEqualTo("refund-time");

        String other = server.say(null, "退款多久到账").get("conversationId").asText();
        assertThat(rate(other, "{\"faqId\": \"refund-time\", \"helpful\": true}").statusCode()).isEqualTo(200);

        JsonNode row = row(perFaq(), "refund-time");
        assertThat(row.get("answers").asInt()).isEqualTo(2);
        assertThat(row.get("helpful").asInt()).isEqualTo(1);
        assertThat(row.get("notHelpful").asInt()).isEqualTo(1);
        assertThat(row.get("helpfulRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void rating_the_same_answer_again_replaces_the_rating() throws Exception {
        String id = server.say(null, "忘记密码了").get("conversationId").asText();
        rate(id, "{\"faqId\": \"pwd-forgot\", \"helpful\": false}");
        rate(id, "{\"faqId\": \"pwd-forgot\", \"helpful\": true}");
        JsonNode row = row(perFaq(), "pwd-forgot");
        assertThat(row.get("helpful").asInt()).isEqualTo(1);
        assertThat(row.get("notHelpful").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"faqId": "refund-time"}                       | helpful
            {"faqId": "refund-time", "helpful": "yes"}     | helpful
            {"helpful": true}                              | messageId or faqId
            {"messageId": -3, "helpful": true}             | messageId
            {"messageId": "7", "helpful": true}            | messageId
            {"faqId": "退款", "helpful": true}              | faqId
            {"faqId": 12, "helpful": true}                 | faqId
            [1, 2]                                         | JSON object
            not json                                       | JSON object
            """)
    void bad_ratings_get_400_naming_the_field(String body, String field) throws Exception {
        String id = server.say(null, "退款多久到账").get("conversationId").asText();
        HttpResponse<String> response = rate(id, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(field);
    }

    @Test
    void an_unknown_conversation_or_answer_is_404() throws Exception {
        assertThat(rate("no-such-conversation", "{\"faqId\": \"refund-time\", \"helpful\": true}").statusCode())
                .isEqualTo(404);
        String id = server.say(null, "退款多久到账").get("conversationId").asText();
        HttpResponse<String> wrongFaq = rate(id, "{\"faqId\": \"pwd-forgot\", \"helpful\": true}");
        assertThat(wrongFaq.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(wrongFaq.body()).get("error").asText()).contains("pwd-forgot");
        assertThat(rate(id, "{\"messageId\": 999999, \"helpful\": true}").statusCode()).isEqualTo(404);
    }

    @Test
    void the_analytics_need_the_agent_token() throws Exception {
        assertThat(server.get("/api/agent/feedback").statusCode()).isEqualTo(401);
    }

    @Test
    void transcript_answers_carry_their_message_and_faq_ids() throws Exception {
        JsonNode reply = server.say(null, "退款多久到账");
        JsonNode transcript = JSON.readTree(server.get("/api/conversations/" + reply.get("conversationId").asText()
                + "/messages").body());
        JsonNode bot = transcript.get("messages").get(1);
        assertThat(bot.get("messageId").asLong()).isEqualTo(reply.get("messageId").asLong());
        assertThat(bot.get("faqId").asText()).isEqualTo("refund-time");
    }

    @Test
    void the_offered_options_survive_a_restart() throws Exception {
        JsonNode clarify = server.say(null, "退款的事想问问");
        assertThat(clarify.get("action").asText()).isEqualTo("clarify");
        server.close();
        server = new TestServer(dir.resolve("kefu.db"));
        JsonNode chosen = server.say(clarify.get("conversationId").asText(), "2");
        assertThat(chosen.get("reason").asText()).isEqualTo("chosen_option");
        assertThat(chosen.get("faqId").asText()).isEqualTo(clarify.get("suggestions").get(1).get("faqId").asText());
    }
}
