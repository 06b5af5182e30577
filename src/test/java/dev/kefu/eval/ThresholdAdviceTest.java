package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdAdviceTest {
    private final List<SweepPoint> sweep = List.of(
            new SweepPoint(0.3, 0.95, 0.90, 0.9, 0.8),
            new SweepPoint(0.5, 0.90, 0.96, 0.9, 0.9),
            new SweepPoint(0.7, 0.80, 0.98, 0.8, 1.0),
            new SweepPoint(0.9, 0.60, 0.99, 0.7, 1.0));

    @Test
    void the_threshold_with_most_coverage_at_the_target_precision_is_recommended() {
        assertThat(ThresholdAdvice.of(sweep, 0.97).orElseThrow().best().threshold()).isEqualTo(0.7);
        assertThat(ThresholdAdvice.of(sweep, 0.95).orElseThrow().best().threshold()).isEqualTo(0.5);
    }

    @Test
    void an_unreachable_target_gives_no_advice() {
        assertThat(ThresholdAdvice.of(sweep, 0.995)).isEmpty();
    }
}
