package dev.kefu.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.intent.Intents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages typed the way people type (typos, traditional characters, full width, mixed English,
 * emoji, repeated punctuation, very short, very long, toneless pinyin) get the intended handling:
 * each line of {@code robustness.tsv} as the first message of a conversation.
 */
class RobustnessTest {
    static Stream<Arguments> lines() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/dev/kefu/dialog/robustness.tsv"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")).map(cells -> Arguments.of(cells[0], cells[1], cells[2]));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("lines")
    void messy_input_gets_the_expected_intent(String category, String text, String intent) {
        Reply reply = ShippedPipeline.engine(Clock.systemUTC()).reply("r", text);
        String got = reply.action().wireName() + " " + reply.intent() + " " + reply.reason() + " (" + reply.detail() + ")";
        if (intent.equals(Intents.OOS)) {
            assertThat(reply.action()).as(got).isIn(Action.FALLBACK, Action.HANDOFF);
        } else if (intent.equals(Intents.HUMAN_AGENT)) {
            assertThat(reply.action()).as(got).isEqualTo(Action.HANDOFF);
        } else {
            assertThat(reply.action()).as(got).isEqualTo(Action.ANSWER);
            assertThat(reply.intent()).as(got).isEqualTo(intent);
        }
    }
}
