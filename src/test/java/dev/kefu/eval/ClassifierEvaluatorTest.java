package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClassifierEvaluatorTest {
    /** Predicts the text's first word as the label, with a confidence given after a colon. */
    private static final Function<String, IntentPrediction> FAKE = text -> {
        String[] parts = text.split(":");
        return new IntentPrediction(List.of(new IntentScore(parts[0], Double.parseDouble(parts[1]))));
    };

    @Test
    void errors_carry_their_confidence_most_confident_first_and_every_line_has_an_outcome() {
        List<LabeledText> data = List.of(new LabeledText("a", "a:0.9", 1), new LabeledText("a", "b:0.6", 2),
                new LabeledText("b", "a:0.8", 3), new LabeledText("b", "b:0.7", 4));

        EvalReport report = new ClassifierEvaluator(FAKE).run(data);

        assertThat(report.accuracy()).isEqualTo(0.5);
        assertThat(report.e2eAccuracy()).isNull();
        assertThat(report.thresholdSweep()).isNull();
        assertThat(report.errors()).extracting(EvalError::confidence).containsExactly(0.8, 0.6);
        assertThat(report.outcomes()).extracting(LineOutcome::correct).containsExactly(true, false, false, true);
        assertThat(report.outcomes()).extracting(LineOutcome::action).containsOnly("classify");
    }

    @Test
    void classifier_only_cross_validation_reports_accuracy_without_pipeline_figures() {
        List<LabeledText> data = List.of(new LabeledText("a", "a:0.9", 1), new LabeledText("a", "a:0.6", 2),
                new LabeledText("b", "b:0.8", 3), new LabeledText("b", "a:0.7", 4));

        CvReport report = CrossValidation.ofClassifier(train -> FAKE).run(data, 2, Evaluator.Progress.none());

        assertThat(report.folds()).isEqualTo(2);
        assertThat(report.accuracy().mean()).isEqualTo(0.75);
        assertThat(report.e2eAccuracy()).isNull();
        assertThat(report.thresholdSweep()).isNull();
    }
}
