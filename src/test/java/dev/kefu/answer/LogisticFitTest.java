package dev.kefu.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
    @Test
    void the_softmax_fit_learns_which_feature_marks_the_right_candidate() {
        List<double[]> rows = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            int first = rows.size();
            int right = q % 3;
            for (int c = 0; c < 3; c++) {
                // feature 0 says "right", feature 1 is noise that never helps
                rows.add(new double[] {c == right ? 0.8 : 0.2, (q + c) % 2});
            }
            groups.add(new int[] {first, rows.size(), first + right});
        }
        double[] w = LogisticFit.fitSoftmax(rows, groups, 2, 0.1);
        assertThat(w[0]).isGreaterThan(3);
        assertThat(Math.abs(w[1])).isLessThan(w[0] / 10);
        double[] p = LogisticFit.softmax(w, rows, 0, 3, 2);
        assertThat(p[0]).isGreaterThan(0.9);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void the_binary_fit_is_calibrated_on_a_feature_that_predicts_half_the_time() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean high = i % 2 == 0;
            rows.add(new double[] {high ? 1 : 0});
            labels.add(high ? i % 4 != 0 : i % 10 == 1); // 50 % right when high, 20 % when low
        }
        double[] w = LogisticFit.fitBinary(rows, labels, 1, 1e-6);
        assertThat(LogisticFit.sigmoid(LogisticFit.dot(w, new double[] {1}, 1))).isBetween(0.45, 0.55);
        assertThat(LogisticFit.sigmoid(LogisticFit.dot(w, new double[] {0}, 1))).isBetween(0.15, 0.25);
    }

    @Test
    void the_same_rows_give_the_same_weights() {
        List<double[]> rows = List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {0.5, 0.5},
                new double[] {0, 1});
        List<int[]> groups = List.of(new int[] {0, 2, 0}, new int[] {2, 4, 3});
        assertThat(LogisticFit.fitSoftmax(rows, groups, 2, 1)).containsExactly(LogisticFit.fitSoftmax(rows, groups, 2, 1));
    }
}
