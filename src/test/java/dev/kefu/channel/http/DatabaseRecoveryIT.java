package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.store.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running kefu and comes back: meanwhile every request that needs
 * it gets a clear 503 and the health check says so; afterwards kefu serves again without a
 * restart, conversations continue, and live events flow again. A real PostgreSQL server of this
 * test's own is stopped and started.
 */
class DatabaseRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_TOKEN = "recovery-agent";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> agent(KefuProcess kefu, String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(kefu.url() + path)).header("Authorization", "Bearer " + AGENT_TOKEN)
                .header("X-Kefu-Agent", "agent-chen")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Polls {@code GET /health} until it gives {@code status} and {@code live}, for up to 30 s. */
    private HttpResponse<String> awaitHealth(KefuProcess kefu, int status, String live) throws Exception {
        HttpResponse<String> health = null;
        for (int i = 0; i < 60; i++) {
            health = kefu.get("health");
            if (health.statusCode() == status && JSON.readTree(health.body()).path("live").asText().equals(live)) {
                return health;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("health stayed " + health.statusCode() + ": " + health.body());
    }

    @Test
    void a_database_outage_gives_503_and_kefu_recovers_when_the_database_is_back(@TempDir Path dir) throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            String url = postgres.newDatabase();
            try (KefuProcess kefu = KefuProcess.start(dir, Map.of("KEFU_AGENT_TOKEN", AGENT_TOKEN,
                    "KEFU_DB_USER", PostgresServer.USER, "KEFU_DB_PASSWORD", PostgresServer.PASSWORD), List.of("--db", url))) {
                HttpResponse<String> before = kefu.say(null, "退款多久到账");
                assertThat(before.statusCode()).isEqualTo(200);
                String id = JSON.readTree(before.body()).get("conversationId").asText();

                postgres.stop();
                HttpResponse<String> down = kefu.say(id, "忘记密码了");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(down.body()).get("error").asText()).contains("storage");
                assertThat(down.body()).doesNotContain("Exception").doesNotContain("jdbc");
                JsonNode health = JSON.readTree(awaitHealth(kefu, 503, "reconnecting").body());
                assertThat(health.get("database").asText()).isEqualTo("unavailable");

                postgres.startServer();
                awaitHealth(kefu, 200, "ok"); // the listening connection is back too
                HttpResponse<String> after = kefu.say(id, "忘记密码了");
                assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
                JsonNode transcript = JSON.readTree(kefu.get("api/conversations/" + id + "/messages").body()).get("messages");
                assertThat(transcript).hasSize(4); // the turn refused during the outage left nothing half-written

                // live events go through the database's NOTIFY: they flow again once it is back
                String handedOff = JSON.readTree(kefu.say(null, "转人工").body()).get("conversationId").asText();
                try (EventStream user = new EventStream(http, kefu.url() + "api/conversations/" + handedOff + "/events")) {
                    user.next("status");
                    JsonNode tickets = JSON.readTree(agent(kefu, "GET", "api/agent/tickets?status=waiting", null).body())
                            .get("tickets");
                    String ticket = tickets.get(0).get("ticketId").asText();
                    assertThat(agent(kefu, "POST", "api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
                    assertThat(agent(kefu, "POST", "api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，已恢复\"}")
                            .statusCode()).isEqualTo(201);
                    assertThat(JSON.readTree(user.next("message").data()).get("text").asText()).isEqualTo("您好，已恢复");
                }
            }
        }
    }
}
