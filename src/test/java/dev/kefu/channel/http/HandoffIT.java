package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handoff to a person, over HTTP: user, queue, agent, live relay, and back to the bot. */
class HandoffIT {
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

    private JsonNode say(String conversationId, String text) throws Exception {
        return server.say(conversationId, text);
    }

    @Test
    void queue_positions_are_counted_up_to_the_cap_and_lists_are_bounded_but_the_hello_count_is_not() throws Exception {
        int waiting = dev.kefu.handoff.QueueStatus.MAX_POSITION + 5;
        JsonNode first = null;
        JsonNode last = null;
        for (int i = 0; i < waiting; i++) {
            last = say(null, "转人工");
            first = first == null ? last : first;
        }
        assertThat(first.get("handoff").get("position").asInt()).isEqualTo(1);
        assertThat(last.get("handoff").get("position").asInt()).isEqualTo(dev.kefu.handoff.QueueStatus.MAX_POSITION);
        JsonNode again = say(first.get("conversationId").asText(), "还要等多久");
        assertThat(again.get("handoff").get("position").asInt()).isEqualTo(1);
        // the agent's list ranks the waiting tickets it lists, up to the largest limit
        JsonNode page = JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting&limit=500", null).body());
        JsonNode listed = page.get("tickets");
        assertThat(listed).hasSize(500);
        assertThat(page.get("next").isNull()).isTrue();
        for (int i = 0; i < 500; i++) {
            assertThat(listed.get(i).get("position").asInt()).isEqualTo(i + 1);
        }
        assertThat(listed.get(0).get("conversationId").asText()).isEqualTo(first.get("conversationId").asText());
        assertThat(JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting", null).body()).get("tickets"))
                .as("the default limit").hasSize(TicketQuery.DEFAULT_LIMIT);
        assertThat(JSON.readTree(agent("GET", "/api/agent/tickets?limit=3", null).body()).get("tickets"))
                .as("every status, bounded too").hasSize(3);
        try (EventStream console = new EventStream(server.client(),
                server.base + "/api/agent/events?ticket=" + streamTicket("li"))) {
            assertThat(JSON.readTree(console.next("hello").data()).get("waiting").asInt()).isEqualTo(waiting);
        }
    }

    @Test
    void ended_tickets_come_newest_first_in_pages_that_join_up() throws Exception {
        List<String[]> ended = new ArrayList<>(); // closedAt, ticketId
        for (int i = 0; i < 7; i++) {
            String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
            JsonNode done = JSON.readTree(agent("POST", "/api/agent/tickets/" + ticket + (i % 2 == 0 ? "/close" : "/handback"),
                    null).body());
            ended.add(new String[] {done.get("closedAt").asText(), ticket});
        }
        say(null, "转人工"); // a waiting ticket is never among the ended ones
        ended.sort(Comparator.<String[], Instant>comparing(e -> Instant.parse(e[0])).thenComparing(e -> e[1]).reversed());
        List<String> newestFirst = ended.stream().map(e -> e[1]).toList();

        assertThat(page("ended", 2)).containsExactlyElementsOf(newestFirst);
        assertThat(page("ended", 500)).containsExactlyElementsOf(newestFirst);
        List<String> closed = page("closed", 3);
        assertThat(closed).containsExactlyElementsOf(newestFirst.stream().filter(closed::contains).toList()).hasSize(4);
        assertThat(page("handed_back", 1)).hasSize(3).doesNotContainAnyElementsOf(closed);
    }

    /** Every ticket of {@code status}, page after page of {@code limit}; asserts each page's size and cursor. */
    private List<String> page(String status, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            String query = "/api/agent/tickets?status=" + status + "&limit=" + limit
                    + (next == null ? "" : "&before=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> response = agent("GET", query, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("tickets").forEach(t -> ids.add(t.get("ticketId").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            assertThat(page.get("tickets").size()).isLessThanOrEqualTo(limit).isEqualTo(next == null ? page.get("tickets").size() : limit);
            assertThat(ids).hasSizeLessThan(50);
        } while (next != null);
        return ids;
    }

    @Test
    void assigned_tickets_keep_queue_order_up_to_the_limit() throws Exception {
        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
            claimed.add(ticket);
        }
        for (String ticket : List.of(claimed.get(2), claimed.get(0), claimed.get(1))) {
            assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        }
        JsonNode page = JSON.readTree(agent("GET", "/api/agent/tickets?status=assigned&limit=2", null).body());
        List<String> listed = new ArrayList<>();
        page.get("tickets").forEach(t -> listed.add(t.get("ticketId").asText()));
        assertThat(listed).containsExactly(claimed.get(0), claimed.get(1));
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void bad_limits_and_cursors_are_400_with_the_reason() throws Exception {
        for (String limit : List.of("0", "501", "-1", "abc", "", "1e2", "99999999999")) {
            HttpResponse<String> response = agent("GET", "/api/agent/tickets?status=closed&limit=" + limit, null);
            assertThat(response.statusCode()).as(limit).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).contains("limit must be an integer from 1 to 500");
        }
        assertThat(agent("GET", "/api/agent/tickets?status=closed&limit=500", null).statusCode()).isEqualTo(200);
        assertThat(agent("GET", "/api/agent/tickets?status=closed&limit=1", null).statusCode()).isEqualTo(200);
        for (String before : List.of("yesterday", "2026-11-26T08:00:00Z", "2026-13-01T00:00:00Z%7Cabc", "2026-11-26T08:00:00Z%7C")) {
            HttpResponse<String> response = agent("GET", "/api/agent/tickets?status=ended&before=" + before, null);
            assertThat(response.statusCode()).as(before).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("before must be");
        }
        assertThat(agent("GET", "/api/agent/tickets?status=ended&before=2026-11-26T08:00:00.125Z%7Cabc", null)
                .statusCode()).isEqualTo(200);
        for (String query : List.of("status=waiting&", "status=assigned&", "")) {
            HttpResponse<String> response = agent("GET", "/api/agent/tickets?" + query + "before=2026-11-26T08:00:00Z%7Cabc", null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).contains("before works only with");
        }
        HttpResponse<String> status = agent("GET", "/api/agent/tickets?status=done", null);
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(status.body()).get("error").asText()).contains("ended");
    }

    private HttpResponse<String> agent(String method, String path, String body, String name) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", name)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return server.send(request);
    }

    private HttpResponse<String> agent(String method, String path, String body) throws Exception {
        return agent(method, path, body, "li");
    }

    @Test
    void a_full_round_trip_from_bot_to_person_and_back() throws Exception {
        JsonNode handoff = say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(handoff.get("handoff").get("position").asInt()).isEqualTo(1);

        try (EventStream widget = new EventStream(server.client(), server.base + "/api/conversations/" + conversation + "/events")) {
            assertThat(widget.next("status").data()).contains("\"state\":\"waiting\"");
            JsonNode waiting = JSON.readTree(agent("GET", "/api/agent/tickets?status=waiting", null).body());
            assertThat(waiting.get("tickets")).hasSize(1);
            assertThat(waiting.get("tickets").get(0).get("reason").asText()).isEqualTo("user_request");

            assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
            assertThat(widget.next("status").data()).contains("\"state\":\"assigned\"");

            HttpResponse<String> sent = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，我是客服小李\"}");
            assertThat(sent.statusCode()).isEqualTo(201);
            assertThat(widget.next("message").data()).contains("\"role\":\"agent\"").contains("您好，我是客服小李");

            JsonNode withAgent = say(conversation, "我的退款还没到");
            assertThat(withAgent.get("action").asText()).isEqualTo("handoff");
            assertThat(withAgent.get("reason").asText()).isEqualTo("with_agent");
            JsonNode seen = JSON.readTree(agent("GET", "/api/agent/tickets/" + ticket, null).body());
            List<String> roles = new ArrayList<>();
            seen.get("messages").forEach(m -> roles.add(m.get("role").asText() + ":" + m.get("text").asText()));
            assertThat(roles).contains("agent:您好，我是客服小李", "user:我的退款还没到");
            assertThat(seen.get("messages").toString()).as("agent lines name their agent").contains("\"agent\":\"li\"");
            assertThat(seen.get("faqSuggestions").get(0).get("faqId").asText()).startsWith("refund");

            assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/close", "{\"note\": \"已告知退款时效\"}").statusCode())
                    .isEqualTo(200);
            assertThat(widget.next("status").data()).contains("\"state\":\"bot\"");
        }
        JsonNode back = say(conversation, "退款多久到账");
        assertThat(back.get("action").asText()).isEqualTo("answer");
        JsonNode transcript = JSON.readTree(server.get("/api/conversations/" + conversation + "/messages").body());
        assertThat(transcript.toString()).contains("\"role\":\"agent\"");
    }

    @Test
    void the_agent_api_needs_the_token() throws Exception {
        HttpResponse<String> none = server.get("/api/agent/tickets");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("token");
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("wrong_agent_token");
        HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/tickets"))
                .header("Authorization", "Bearer test-agent-tokeN").GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("code").asText()).isEqualTo("wrong_agent_token");
    }

    @Test
    void moves_that_do_not_fit_the_ticket_are_409_with_the_reason_and_unknown_tickets_404() throws Exception {
        String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
        HttpResponse<String> unclaimed = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"在吗\"}");
        assertThat(unclaimed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(unclaimed.body()).get("error").asText()).contains("claim the ticket first");
        agent("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        HttpResponse<String> otherAgent = agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"在吗\"}", "wang");
        assertThat(otherAgent.statusCode()).isEqualTo(409);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"  \"}").statusCode()).isEqualTo(400);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/messages",
                "{\"text\": \"" + "好".repeat(2001) + "\"}").statusCode()).isEqualTo(400);
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/close", null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = agent("POST", "/api/agent/tickets/" + ticket + "/close", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).contains("already closed");
        assertThat(agent("POST", "/api/agent/tickets/nope/claim", null).statusCode()).isEqualTo(404);
        assertThat(agent("GET", "/api/agent/tickets?status=nope", null).statusCode()).isEqualTo(400);
    }

    @Test
    void handing_back_lets_the_bot_answer_again() throws Exception {
        JsonNode handoff = say(null, "转人工");
        String ticket = handoff.get("handoff").get("ticketId").asText();
        assertThat(agent("POST", "/api/agent/tickets/" + ticket + "/handback", null).statusCode()).isEqualTo(200);
        JsonNode back = say(handoff.get("conversationId").asText(), "忘记密码了");
        assertThat(back.get("action").asText()).isEqualTo("answer");
        assertThat(back.get("intent").asText()).isEqualTo("forgot_password");
    }

    @Test
    void of_many_agents_claiming_one_ticket_at_once_exactly_one_wins() throws Exception {
        String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
        int agents = 8;
        List<Integer> statuses = AtOnce.run(agents, i -> () -> agent("POST", "/api/agent/tickets/" + ticket + "/claim",
                null, "agent" + i).statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    }

    @Test
    void the_wait_is_estimated_from_how_fast_agents_recently_claimed() throws Exception {
        for (int i = 0; i < 2; i++) {
            String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
            agent("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        }
        JsonNode waiting = say(null, "转人工").get("handoff");
        assertThat(waiting.get("position").asInt()).isEqualTo(1);
        assertThat(waiting.get("estimatedWaitSeconds").isInt()).isTrue();
    }

    private String streamTicket(String name) throws Exception {
        HttpResponse<String> response = agent("POST", "/api/agent/stream-ticket", null, name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("expiresInSeconds").asInt()).isEqualTo(60);
        return body.get("ticket").asText();
    }

    /** The status and error of opening the agent event stream with {@code query}, when it is refused. */
    private HttpResponse<String> refusedStream(String query, String agentHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + "/api/agent/events?" + query));
        if (agentHeader != null) {
            request.header("X-Kefu-Agent", agentHeader);
        }
        HttpResponse<String> response = server.send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        return response;
    }

    @Test
    void stream_tickets_that_expired_were_forged_or_name_another_agent_are_refused() throws Exception {
        String ticket = streamTicket("li");
        String expired = new StreamTickets(TestServer.AGENT_TOKEN, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)))
                .issue("li");
        assertThat(refusedStream("ticket=" + expired, null).body()).contains("expired");
        String forged = new StreamTickets("not-the-agent-token", Clock.systemUTC()).issue("li");
        assertThat(refusedStream("ticket=" + forged, null).body()).contains("invalid stream ticket");
        String[] parts = ticket.split("\\.");
        String wang = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("wang".getBytes(StandardCharsets.UTF_8));
        assertThat(refusedStream("ticket=" + parts[0] + "." + wang + "." + parts[2], null).body()).contains("invalid stream ticket");
        assertThat(refusedStream("ticket=" + ticket + "&agent=wang", null).body()).contains("issued to another agent");
        assertThat(refusedStream("ticket=" + ticket, "wang").body()).contains("issued to another agent");
        assertThat(refusedStream("ticket=", null).body()).contains("invalid stream ticket");
        // a ticket opens the stream only, never the rest of the API; nor does a URL token
        assertThat(agentWithout("/api/agent/tickets?ticket=" + ticket).statusCode()).isEqualTo(401);
        assertThat(agentWithout("/api/agent/tickets?access_token=" + TestServer.AGENT_TOKEN).statusCode()).isEqualTo(401);
        assertThat(server.post("/api/agent/stream-ticket", "").statusCode()).as("no token").isEqualTo(401);
        try (EventStream console = new EventStream(server.client(),
                server.base + "/api/agent/events?ticket=" + ticket + "&agent=li")) {
            assertThat(console.next("hello").data()).contains("\"waiting\":0");
        }
    }

    private HttpResponse<String> agentWithout(String path) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("X-Kefu-Agent", "li").GET());
    }

    @Test
    void the_deprecated_access_token_in_the_url_still_opens_the_event_stream() throws Exception {
        try (EventStream console = new EventStream(server.client(),
                server.base + "/api/agent/events?access_token=" + TestServer.AGENT_TOKEN)) {
            console.next("hello");
            String ticket = say(null, "转人工").get("handoff").get("ticketId").asText();
            assertThat(console.next("ticket").data()).contains(ticket);
        }
        refusedStream("access_token=wrong", null);
    }

    @Test
    void the_agent_event_stream_announces_new_tickets_and_user_messages() throws Exception {
        try (EventStream console = new EventStream(server.client(),
                server.base + "/api/agent/events?ticket=" + streamTicket("li"))) {
            console.next("hello");
            JsonNode handoff = say(null, "转人工");
            assertThat(console.next("ticket").data()).contains(handoff.get("handoff").get("ticketId").asText());
            say(handoff.get("conversationId").asText(), "有人吗");
            assertThat(console.next("message").data()).contains("有人吗").contains("\"role\":\"user\"");
        }
    }

    @Test
    void reloading_the_models_swaps_them_in_for_agents_only() throws Exception {
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/reload"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("no token").isEqualTo(401);
        HttpResponse<String> reloaded = agent("POST", "/api/agent/reload", null);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(reloaded.body()).contains("\"reloaded\":true");
        assertThat(say(null, "退款多久到账").get("intent").asText()).isEqualTo("refund_time");
    }
}
