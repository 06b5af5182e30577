package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget's event stream as EventSource sees it: retry, ids, the security headers, and what a reconnect missed. */
class SseIT {
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
    void a_reconnect_with_last_event_id_gets_the_agent_message_sent_while_it_was_away() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        agent("/api/agent/tickets/" + ticket + "/claim", null);
        agent("/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，我是小李\"}");

        String lastId;
        try (Lines stream = open(conversation, null)) {
            assertThat(stream.response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(stream.next()).isEqualTo("retry: " + EventHub.RETRY_MILLIS);
            List<String> status = stream.event();
            assertThat(status).anyMatch(l -> l.equals("event: status"));
            lastId = status.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
            assertThat(Long.parseLong(lastId)).as("the time of the agent message already shown").isPositive();
        }
        Thread.sleep(5);
        agent("/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您的退款已处理\"}");

        try (Lines again = open(conversation, lastId)) {
            assertThat(again.next()).startsWith("retry: ");
            List<String> missed = again.event();
            assertThat(missed).contains("event: message");
            assertThat(String.join("\n", missed)).contains("您的退款已处理").doesNotContain("我是小李");
            String missedId = missed.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
            assertThat(Long.parseLong(missedId)).isGreaterThan(Long.parseLong(lastId));
            assertThat(again.event()).contains("event: status", "id: " + missedId);
        }
    }

    @Test
    void the_agent_stream_resumes_after_a_restart_with_what_it_missed_and_never_shows_half_a_card() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        String streamTicket = streamTicket();
        String lastId;
        try (Lines stream = openAgents(streamTicket, null)) {
            assertThat(stream.response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(stream.next()).isEqualTo("retry: " + EventHub.RETRY_MILLIS);
            List<String> hello = stream.event();
            assertThat(hello).contains("event: hello");
            lastId = idOf(hello);
        }
        // while no stream is open: a claim, an agent message, the first half of a card number, a restart
        agent("/api/agent/tickets/" + ticket + "/claim", null);
        agent("/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，我是小李\"}");
        server.say(conversation, "我的卡号是6222 0212 3456");
        server.close();
        server = new TestServer(dir.resolve("kefu.db"));

        List<List<String>> missed = new ArrayList<>();
        try (Lines again = openAgents(streamTicket, lastId)) {
            assertThat(again.next()).startsWith("retry: ");
            for (List<String> event = again.event(); !event.contains("event: hello"); event = again.event()) {
                missed.add(event);
            }
            assertThat(missed).extracting(SseIT::nameOf).containsExactly("ticket", "message", "message");
            assertThat(String.join("\n", missed.get(0))).contains("\"status\":\"assigned\"", ticket);
            assertThat(String.join("\n", missed.get(1))).contains("您好，我是小李", "\"role\":\"agent\"");
            assertThat(String.join("\n", missed.get(2))).contains("我的卡号是[银行卡 前段]").doesNotContain("3456");
            List<Long> ids = missed.stream().map(e -> Long.parseLong(idOf(e))).toList();
            assertThat(ids).isSorted().allMatch(id -> id > Long.parseLong(lastId));
            assertThat(agentTranscript(ticket)).contains("我的卡号是[银行卡 前段]").doesNotContain("3456");

            server.say(conversation, "7890 128");
            List<String> live = again.event();
            assertThat(String.join("\n", live)).contains("event: message", "[银行卡 尾号0128]").doesNotContain("7890");
            assertThat(Long.parseLong(idOf(live))).isGreaterThanOrEqualTo(ids.get(2));
        }
        assertThat(agentTranscript(ticket)).contains("我的卡号是[银行卡 前段]", "[银行卡 尾号0128]")
                .doesNotContain("3456", "7890");
    }

    @Test
    void a_new_agent_stream_may_ask_for_what_it_missed_in_the_url() throws Exception {
        JsonNode handoff = server.say(null, "转人工");
        String ticket = handoff.get("handoff").get("ticketId").asText();
        String since = String.valueOf(java.time.Instant.parse(openTicketCreatedAt(ticket)).toEpochMilli() - 1);
        try (Lines stream = open(URI.create(server.base + "/api/agent/events?ticket=" + streamTicket() + "&lastEventId=" + since),
                null)) {
            assertThat(stream.next()).startsWith("retry: ");
            List<String> opened = stream.event();
            assertThat(opened).contains("event: ticket");
            assertThat(String.join("\n", opened)).contains(ticket, "\"status\":\"waiting\"");
            assertThat(stream.event()).contains("event: hello");
        }
    }

    private static String nameOf(List<String> event) {
        return event.stream().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow().substring(7);
    }

    private static String idOf(List<String> event) {
        return event.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
    }

    private String streamTicket() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/stream-ticket"))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("ticket").asText();
    }

    private String agentTranscript(String ticket) throws Exception {
        return getAgent("/api/agent/tickets/" + ticket).get("messages").toString();
    }

    private String openTicketCreatedAt(String ticket) throws Exception {
        return getAgent("/api/agent/tickets/" + ticket).get("createdAt").asText();
    }

    private JsonNode getAgent(String path) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    /** The agents' stream as a browser's EventSource opens it (the ticket in the URL) and reopens it (Last-Event-ID). */
    private Lines openAgents(String streamTicket, String lastEventId) throws Exception {
        return open(URI.create(server.base + "/api/agent/events?ticket=" + streamTicket), lastEventId);
    }

    private void agent(String path, String body) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private Lines open(String conversation, String lastEventId) throws Exception {
        return open(URI.create(server.base + "/api/conversations/" + conversation + "/events"), lastEventId);
    }

    private Lines open(URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = server.client().send(request.GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        return new Lines(response);
    }

    /** The lines of one event stream, read in the background. */
    private static final class Lines implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Lines(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String next() throws InterruptedException {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a line within 10 s").isNotNull();
            return line;
        }

        /** The lines of the next event, up to the blank line that ends it. */
        List<String> event() throws InterruptedException {
            List<String> event = new ArrayList<>();
            for (String line = next(); !line.isEmpty() || event.isEmpty(); line = next()) {
                if (!line.isEmpty()) {
                    event.add(line);
                }
            }
            return event;
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
