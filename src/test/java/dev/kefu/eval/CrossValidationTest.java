package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    @Test
    void folds_are_stratified_disjoint_and_cover_every_line() {
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new LabeledText("a", "a" + i, i + 1));
        }
        for (int i = 0; i < 5; i++) {
            examples.add(new LabeledText("b", "b" + i, i + 11));
        }
        List<List<LabeledText>> folds = CrossValidation.folds(examples, 5);
        assertThat(folds).hasSize(5);
        for (List<LabeledText> fold : folds) {
            assertThat(fold.stream().filter(e -> e.label().equals("a"))).hasSize(2);
            assertThat(fold.stream().filter(e -> e.label().equals("b"))).hasSize(1);
        }
        assertThat(folds.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(examples);
    }
}
