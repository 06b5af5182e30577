package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String drawn() {
        synchronized (err) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void off_a_terminal_a_stage_is_one_line_at_its_end_without_carriage_returns() {
        ProgressBar bar = new ProgressBar(err, "train");
        for (int i = 1; i <= 1000; i++) {
            bar.step(i, 1000);
            if (i == 999) {
                assertThat(drawn()).isEmpty();
            }
        }
        assertThat(drawn()).doesNotContain("\r").matches("train 1000/1000 in \\d+\\.\\d s" + System.lineSeparator());
    }

    @Test
    void the_last_step_draws_a_full_bar_and_ends_the_line() {
        ProgressBar bar = new ProgressBar(err, "train", true);
        for (int i = 1; i <= 1000; i++) {
            bar.step(i, 1000);
        }

        String out = drawn();
        assertThat(out).contains("\rtrain [" + "#".repeat(30) + "] 1000/1000 ").endsWith(" s" + System.lineSeparator());
        // steps arriving faster than every 100 ms are not each redrawn
        assertThat(out.chars().filter(c -> c == '\r').count()).isLessThan(20);
    }

    @Test
    void a_wait_between_steps_is_redrawn_with_the_time_and_the_clock_stops_at_the_end() throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, "fit", true);
        bar.step(1, 2);
        Thread.sleep(1_300); // the clock redraws twice a second while no step arrives
        assertThat(drawn().chars().filter(c -> c == '\r').count()).isGreaterThanOrEqualTo(2);
        assertThat(drawn()).contains("\rfit [" + "#".repeat(15) + " ".repeat(15) + "] 1/2 1.");

        bar.step(2, 2);
        String finished = drawn();
        Thread.sleep(700);
        assertThat(drawn()).isEqualTo(finished);
    }
}
