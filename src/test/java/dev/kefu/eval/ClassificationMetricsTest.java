package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static final Offset<Double> EXACT = within(1e-9);

    /*
     * gold      a a a b b c
     * predicted a a b b c c
     *
     * a: tp 2, predicted as a 2, support 3 -> p 1,   r 2/3, f1 0.8
     * b: tp 1, predicted as b 2, support 2 -> p 1/2, r 1/2, f1 0.5
     * c: tp 1, predicted as c 2, support 1 -> p 1/2, r 1,   f1 2/3
     */
    private static final List<String> GOLD = List.of("a", "a", "a", "b", "b", "c");
    private static final List<String> PREDICTED = List.of("a", "a", "b", "b", "c", "c");

    @Test
    void accuracy_is_the_share_of_matching_pairs() {
        ClassificationMetrics m = ClassificationMetrics.of(GOLD, PREDICTED);

        assertThat(m.n()).isEqualTo(6);
        assertThat(m.accuracy()).isCloseTo(4.0 / 6, EXACT);
    }

    @Test
    void per_label_scores_match_a_hand_computed_example() {
        Map<String, LabelScores> perLabel = ClassificationMetrics.of(GOLD, PREDICTED).perLabel();

        assertThat(perLabel).containsOnlyKeys("a", "b", "c");
        assertScores(perLabel.get("a"), 1.0, 2.0 / 3, 0.8, 3);
        assertScores(perLabel.get("b"), 0.5, 0.5, 0.5, 2);
        assertScores(perLabel.get("c"), 0.5, 1.0, 2.0 / 3, 1);
    }

    @Test
    void macro_f1_is_the_unweighted_mean_over_gold_labels() {
        ClassificationMetrics m = ClassificationMetrics.of(GOLD, PREDICTED);

        assertThat(m.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, EXACT);
    }

    @Test
    void confusion_counts_predictions_per_gold_label() {
        Map<String, Map<String, Integer>> confusion = ClassificationMetrics.of(GOLD, PREDICTED).confusion();

        assertThat(confusion).containsOnlyKeys("a", "b", "c");
        assertThat(confusion.get("a")).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 1));
        assertThat(confusion.get("b")).containsExactlyInAnyOrderEntriesOf(Map.of("b", 1, "c", 1));
        assertThat(confusion.get("c")).containsExactlyInAnyOrderEntriesOf(Map.of("c", 1));
    }

    @Test
    void a_label_only_ever_predicted_is_in_the_confusion_but_not_scored() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b"), List.of("x", "b"));

        assertThat(m.perLabel()).containsOnlyKeys("a", "b");
        assertScores(m.perLabel().get("a"), 0.0, 0.0, 0.0, 1);
        assertScores(m.perLabel().get("b"), 1.0, 1.0, 1.0, 1);
        assertThat(m.macroF1()).isCloseTo(0.5, EXACT);
        assertThat(m.confusion().get("a")).containsExactlyInAnyOrderEntriesOf(Map.of("x", 1));
    }

    @Test
    void all_correct_scores_one_everywhere() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b", "b"), List.of("a", "b", "b"));

        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(m.macroF1()).isEqualTo(1.0);
    }

    @Test
    void no_pairs_give_zero_rates_rather_than_nan() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of(), List.of());

        assertThat(m.n()).isZero();
        assertThat(m.accuracy()).isZero();
        assertThat(m.macroF1()).isZero();
        assertThat(m.perLabel()).isEmpty();
    }

    @Test
    void lists_of_different_lengths_are_rejected() {
        assertThatThrownBy(() -> ClassificationMetrics.of(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
    }

    private static void assertScores(LabelScores s, double precision, double recall, double f1, int support) {
        assertThat(s.precision()).as("precision").isCloseTo(precision, EXACT);
        assertThat(s.recall()).as("recall").isCloseTo(recall, EXACT);
        assertThat(s.f1()).as("f1").isCloseTo(f1, EXACT);
        assertThat(s.support()).as("support").isEqualTo(support);
    }
}
