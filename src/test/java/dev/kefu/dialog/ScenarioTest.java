package dev.kefu.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.conversation.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every conversation of the scenario files, through the real engine over the shipped models. */
class ScenarioTest {
    static final Path SCENARIOS = Path.of("src/test/resources/dev/kefu/dialog/scenarios");
    @Test
    void there_are_at_least_thirty_scenarios() {
        assertThat(Scenario.readAll(SCENARIOS)).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_goes_as_written() {
        return Scenario.readAll(SCENARIOS).stream().map(s -> DynamicTest.dynamicTest(s.name() + " (" + s.where() + ")",
                () -> run(s)));
    }

    private static void run(Scenario scenario) {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        ChatEngine engine = ShippedPipeline.engine(clock);
        for (Scenario.Step step : scenario.steps()) {
            if (step.text() == null) {
                clock.advance(step.silence());
                continue;
            }
            Reply reply = engine.reply("scenario", step.text());
            String got = reply.action().wireName() + " " + reply.intent() + " " + reply.faqId() + " " + reply.reason()
                    + " (" + reply.detail() + ")";
            assertThat(reply.action().wireName()).as(step + " got " + got).isEqualTo(step.action());
            if (step.intent() != null) {
                assertThat(reply.intent()).as(step + " got " + got).isEqualTo(step.intent());
            }
            if (step.faqId() != null) {
                assertThat(reply.faqId()).as(step + " got " + got).isEqualTo(step.faqId());
            }
            if (step.reason() != null) {
                assertThat(reply.reason()).as(step + " got " + got).isEqualTo(step.reason());
            }
            clock.advance(Duration.ofSeconds(20));
        }
    }
}
