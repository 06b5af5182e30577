package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.store.SqlHandoffQueue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wait for a person, over HTTP with the real store: until an agent claims the ticket the bot
 * still answers and says the person is coming; 「取消转人工」 closes the waiting ticket with that
 * reason; once an agent has claimed it, the bot is silent and cancelling is no longer possible.
 */
class HandoffWaitingIT {
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
    void while_the_person_is_on_the_way_the_bot_answers_and_once_they_join_it_falls_silent() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();

        JsonNode answer = server.say(conversation, "退款多久到账");
        assertThat(answer.get("action").asText()).isEqualTo("answer");
        assertThat(answer.get("faqId").asText()).isEqualTo("refund-time");
        assertThat(answer.get("reply").asText()).contains("人工客服正在接入").contains("取消转人工");
        assertThat(answer.get("handoff").get("status").asText()).as("the widget stays in the queue").isEqualTo("waiting");
        JsonNode again = server.say(conversation, "转人工");
        assertThat(again.get("action").asText()).isEqualTo("handoff");
        assertThat(again.get("reply").asText()).contains("已经在为您转接");
        assertThat(again.get("handoff").get("ticketId").asText()).as("still the one ticket").isEqualTo(ticket);

        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim").statusCode()).isEqualTo(200);
        JsonNode silent = server.say(conversation, "付款失败怎么办");
        assertThat(silent.get("action").asText()).isEqualTo("handoff");
        assertThat(silent.get("reason").asText()).isEqualTo("with_agent");
        assertThat(silent.get("reply").asText()).isEmpty();
        JsonNode tooLate = server.say(conversation, "取消转人工");
        assertThat(tooLate.get("reason").asText()).as("the person has it now").isEqualTo("with_agent");
        assertThat(ticket(ticket).get("status").asText()).isEqualTo("assigned");
    }

    @Test
    void cancelling_closes_the_waiting_ticket_with_that_reason_and_the_bot_answers_as_before() throws Exception {
        JsonNode handoff = server.say(null, "我要投诉，你们这个服务太差了");
        assertThat(handoff.get("reason").asText()).isEqualTo("complaint");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();

        JsonNode cancelled = server.say(conversation, "取消转人工");
        assertThat(cancelled.get("action").asText()).isEqualTo("answer");
        assertThat(cancelled.get("reason").asText()).isEqualTo("handoff_cancelled");
        assertThat(cancelled.get("reply").asText()).contains("已为您取消转人工");
        assertThat(cancelled.get("handoff").isNull()).as("back with the bot").isTrue();
        JsonNode closed = ticket(ticket);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("note").asText()).isEqualTo(SqlHandoffQueue.CANCELLED_NOTE);
        assertThat(JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting").body()).get("tickets"))
                .as("no longer in the queue").isEmpty();

        JsonNode answer = server.say(conversation, "提现要手续费吗");
        assertThat(answer.get("faqId").asText()).isEqualTo("fee-withdraw");
        assertThat(answer.get("reply").asText()).doesNotContain("人工客服正在接入");
        JsonNode nothing = server.say(conversation, "取消转人工");
        assertThat(nothing.get("reason").asText()).isEqualTo("nothing_to_cancel");
        JsonNode back = server.say(conversation, "算了还是转人工吧");
        assertThat(back.get("action").asText()).isEqualTo("handoff");
        assertThat(back.get("handoff").get("ticketId").asText()).as("a new ticket").isNotEqualTo(ticket);
    }

    @Test
    void after_two_misunderstandings_a_person_is_offered_not_forced_and_yes_takes_the_offer() throws Exception {
        JsonNode first = server.say(null, "今天上海会下雨吗");
        String conversation = first.get("conversationId").asText();
        JsonNode second = server.say(conversation, "给我讲个笑话呗");
        assertThat(second.get("action").asText()).isEqualTo("fallback");
        assertThat(second.get("handoff").isNull()).as("no ticket unasked").isTrue();
        assertThat(JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting").body()).get("tickets")).isEmpty();
        JsonNode yes = server.say(conversation, "好的");
        assertThat(yes.get("action").asText()).isEqualTo("handoff");
        assertThat(yes.get("reason").asText()).isEqualTo("accepted_offer");
        assertThat(yes.get("handoff").get("ticketId").asText()).isNotEmpty();
    }

    private JsonNode ticket(String id) throws Exception {
        return JSON.readTree(agent("GET", "/api/agent/tickets/" + id).body());
    }

    private HttpResponse<String> agent(String method, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li")
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
