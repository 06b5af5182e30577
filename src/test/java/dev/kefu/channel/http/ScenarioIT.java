package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.dialog.TestClock;
import dev.kefu.eval.dialog.DialogScript;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conversation of the scenario files over HTTP: the real server, an SQLite file, the JSON
 * API. Each scenario is its own conversation; a handoff must come back with its ticket.
 */
class ScenarioIT {
    @TempDir
    static Path dir;
    private static TestClock clock;
    private static TestServer server;

    @BeforeAll
    static void start() {
        clock = new TestClock(Instant.now());
        server = new TestServer(dir.resolve("kefu.db"), clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_goes_as_written_over_http() {
        return DialogScript.read(Path.of("src/test/resources/dev/kefu/dialog/scenarios")).stream()
                .map(s -> DynamicTest.dynamicTest(s.name() + " (" + s.where() + ")", () -> run(s)));
    }

    private static void run(DialogScript.Conversation scenario) throws Exception {
        String conversation = null;
        for (DialogScript.Step step : scenario.steps()) {
            if (step.isSilence()) {
                clock.advance(step.silence());
                continue;
            }
            JsonNode reply = server.say(conversation, step.text());
            conversation = reply.get("conversationId").asText();
            String got = reply.toString();
            assertThat(reply.get("action").asText()).as(step + " got " + got).isEqualTo(step.action());
            if (step.intent() != null) {
                assertThat(reply.get("intent").asText()).as(step + " got " + got).isEqualTo(step.intent());
            }
            if (step.faqId() != null) {
                assertThat(reply.get("faqId").asText()).as(step + " got " + got).isEqualTo(step.faqId());
            }
            if (step.reason() != null) {
                assertThat(reply.get("reason").asText()).as(step + " got " + got).isEqualTo(step.reason());
            }
            StringBuilder shown = new StringBuilder(reply.get("reply").asText());
            reply.path("suggestions").forEach(q -> shown.append('\n').append(q.path("question").asText()));
            for (String must : step.has()) {
                assertThat(shown.toString()).as(step + " got " + got).contains(must);
            }
            for (String mustNot : step.not()) {
                assertThat(shown.toString()).as(step + " got " + got).doesNotContain(mustNot);
            }
            if (step.action().equals("handoff")) {
                assertThat(reply.path("handoff").path("ticketId").asText()).as(step + " has a ticket: " + got).isNotEmpty();
            }
            clock.advance(Duration.ofSeconds(20));
        }
    }
}
