package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One client trying too much at once: wrong agent tokens in bulk, many live streams opened at the same instant. */
class AbuseIT {
    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        // room for 40 connections from one IP, so that the stream limit is what refuses them
        server = new TestServer(dir.resolve("kefu.db"), new HttpServer.Limits(0, 0, List.of("*"))
                .with(new HttpServer.Connections(64, 8, Duration.ofSeconds(10))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wrong_agent_tokens_are_throttled_per_client_after_a_burst() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> throttled = null;
        for (int i = 0; i < AgentAuth.FAILURE_BURST + 5; i++) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/tickets"))
                    .header("Authorization", "Bearer wrong-" + i).GET());
            statuses.add(response.statusCode());
            throttled = response.statusCode() == 429 ? response : throttled;
        }
        assertThat(statuses.subList(0, AgentAuth.FAILURE_BURST)).containsOnly(401);
        assertThat(statuses.subList(AgentAuth.FAILURE_BURST, statuses.size())).containsOnly(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("too many wrong agent tokens");
    }

    @Test
    void of_forty_streams_opened_at_once_from_one_client_exactly_the_limit_are_admitted() throws Exception {
        String conversation = server.say(null, "你好").get("conversationId").asText();
        List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            opening.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.base + "/api/conversations/"
                    + conversation + "/events")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<InputStream>> f : opening) {
            responses.add(f.get());
        }
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(EventHub.MAX_PER_CLIENT);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429).count()).isEqualTo(40 - EventHub.MAX_PER_CLIENT);
        for (HttpResponse<InputStream> r : responses) {
            r.body().close();
        }
    }

    @Test
    void a_stream_request_that_fails_gives_its_slot_back() throws Exception {
        for (int i = 0; i < EventHub.MAX_PER_CLIENT + 5; i++) {
            assertThat(server.get("/api/conversations/nope/events").statusCode()).isEqualTo(404);
        }
        String conversation = server.say(null, "你好").get("conversationId").asText();
        try (EventStream stream = new EventStream(server.client(), server.base + "/api/conversations/" + conversation
                + "/events")) {
            assertThat(stream.next("status").data()).contains("\"state\":\"bot\"");
        }
    }
}
