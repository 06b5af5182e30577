package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} without {@code KEFU_AGENT_TOKEN} (the shaded jar as a process): it prints the agent
 * console's URL and how to turn the agent API on, and the API says it is off with its own error code,
 * so the console can tell that apart from a wrong token.
 */
class AgentApiOffIT {
    @Test
    void without_a_token_serve_says_how_to_enable_the_agent_api_and_the_api_says_it_is_off(@TempDir Path dir)
            throws Exception {
        try (KefuProcess kefu = KefuProcess.start(dir, Map.of())) {
            String line = kefu.awaitStdout("agent console: ");
            assertThat(line).isEqualTo("agent console: " + kefu.url() + "agent (the agent API is off: to turn it on, start "
                    + "kefu with KEFU_AGENT_TOKEN set to a secret, e.g. KEFU_AGENT_TOKEN=$(openssl rand -hex 16) java -jar "
                    + "target/kefu.jar serve, and sign in with it)");
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(kefu.url() + "api/agent/tickets")).header("Authorization", "Bearer anything").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            JsonNode error = new ObjectMapper().readTree(refused.body());
            assertThat(error.get("code").asText()).isEqualTo("agent_api_disabled");
            assertThat(error.get("error").asText()).contains("KEFU_AGENT_TOKEN");
        }
    }
}
