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

    private void agent(String path, String body) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("X-Kefu-Agent", "li")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private Lines open(String conversation, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + "/api/conversations/" + conversation
                + "/events")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
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
