package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void the_entry_confusions_of_the_folds_are_added_up_most_frequent_first() {
        CvReport report = CvReport.of(2, List.of(
                fold(new AnswerScores.Confusion("refund-time", "refund-where", 2),
                        new AnswerScores.Confusion("card-declined", "(clarify)", 1)),
                fold(new AnswerScores.Confusion("card-declined", "(clarify)", 3),
                        new AnswerScores.Confusion("refund-time", "refund-where", 1),
                        new AnswerScores.Confusion("login-pw", "pay-pw", 3))));
        assertThat(report.answerConfusion()).containsExactly(
                new AnswerScores.Confusion("card-declined", "(clarify)", 4),
                new AnswerScores.Confusion("login-pw", "pay-pw", 3),
                new AnswerScores.Confusion("refund-time", "refund-where", 3));
        assertThat(report.answerAccuracy().mean()).isEqualTo(0.5);
        assertThat(report.answerErrors()).extracting(AnswerScores.Miss::text).containsExactly("surer", "unsure");
    }

    @Test
    void folds_without_faq_ids_have_no_entry_confusions() {
        EvalReport plain = new EvalReport(1, 1, 1, 1.0, 1.0, 1.0, 1.0, 0.5, Map.of(), Map.of(), Map.of(),
                List.of(new SweepPoint(0.5, 1, 1, 1, 1)), null, 0, List.of(), List.of());
        assertThat(CvReport.of(2, List.of(plain, plain)).answerConfusion()).isNull();
        assertThat(CvReport.of(2, List.of(plain, plain)).answerErrors()).isNull();
    }

    private static int folds;

    private static EvalReport fold(AnswerScores.Confusion... confusions) {
        List<AnswerScores.Miss> misses = folds++ % 2 == 0
                ? List.of(new AnswerScores.Miss("unsure", List.of("refund-time"), "refund-where", 0.55))
                : List.of(new AnswerScores.Miss("surer", List.of("login-pw"), "pay-pw", 0.9));
        AnswerScores answers = new AnswerScores(10, 0.5, 0.6, 0.7, List.of(confusions), misses);
        return new EvalReport(10, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, Map.of(), Map.of(), Map.of(),
                List.of(new SweepPoint(0.5, 0.9, 0.9, 0.9, 0.9, 0.5, 0.6)), null, 100, List.of(), List.of(), answers);
    }
}
