package dev.kefu.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentPredictionTest {
    @Test
    void top_and_second_follow_the_ranking() {
        IntentPrediction p = new IntentPrediction(List.of(new IntentScore("a", 0.7), new IntentScore("b", 0.2),
                new IntentScore("c", 0.1)));
        assertThat(p.top().label()).isEqualTo("a");
        assertThat(p.second().label()).isEqualTo("b");
    }

    @Test
    void a_single_intent_has_a_zero_runner_up() {
        IntentPrediction p = new IntentPrediction(List.of(new IntentScore("a", 1.0)));
        assertThat(p.second().confidence()).isZero();
    }

    @Test
    void unsorted_empty_and_out_of_range_predictions_are_rejected() {
        assertThatThrownBy(() -> new IntentPrediction(List.of(new IntentScore("a", 0.1), new IntentScore("b", 0.9))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntentPrediction(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntentScore("a", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntentScore("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rank_sorts_by_confidence_then_by_label() {
        IntentPrediction p = IntentPrediction.rank(new String[] {"c", "a", "d", "b"}, new double[] {0.2, 0.1, 0.5, 0.2});
        assertThat(p.ranked()).extracting(IntentScore::label).containsExactly("d", "b", "c", "a");
        assertThat(p.top().confidence()).isEqualTo(0.5);
    }

    @Test
    void rank_needs_one_confidence_per_label() {
        assertThatThrownBy(() -> IntentPrediction.rank(new String[] {"a", "b"}, new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }
}
