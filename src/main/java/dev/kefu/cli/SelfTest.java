package dev.kefu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code serve --self-test}: one message and one health check over HTTP against the server that
 * has just started, as a client would send them. It proves an install works end to end, and it is
 * the training run the build records the loaded classes of (target/kefu.jsa, class data sharing).
 */
final class SelfTest {
    /** A message every shipped FAQ answers; the test needs a reply, not a particular entry. */
    static final String MESSAGE = "退款多久到账";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the self-test waits for the sentence encoder's background load before it stops. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private SelfTest() {
    }

    /** A fresh directory for the self-test's database, deleted by {@link #delete}. */
    static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("kefu-self-test");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the self-test's database", e);
        }
    }

    /** Deletes {@code dir} and what it holds; null does nothing. */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            TrainCommand.deleteTree(dir);
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing the test for
        }
    }

    /** Sends the message and the health check to {@code host:port}; 0 when both answered, else 1. */
    static int run(String host, int port, PrintStream out, PrintStream err) {
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            long start = System.nanoTime();
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(java.util.Map.of("text", MESSAGE)),
                            StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode body = reply.statusCode() == 200 ? JSON.readTree(reply.body()) : null;
            if (body == null || !body.path("action").isTextual() || !body.path("reply").isTextual()) {
                err.println("kefu serve --self-test: POST /api/messages answered " + reply.statusCode() + ": "
                        + abbreviate(reply.body()));
                return 1;
            }
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (health.statusCode() != 200) {
                err.println("kefu serve --self-test: GET /health answered " + health.statusCode() + ": "
                        + abbreviate(health.body()));
                return 1;
            }
            out.printf("self-test passed: POST /api/messages %s answered in %d ms (action %s, entry %s); GET /health 200%n",
                    MESSAGE, millis, body.path("action").asText(), body.path("faqId").asText("none"));
            return 0;
        } catch (IOException e) {
            err.println("kefu serve --self-test: cannot reach " + base + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kefu serve --self-test: interrupted");
            return 1;
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
