package dev.kefu.eval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The evaluation report; serialized with snake_case keys (see README, "Evaluation report").
 * Rates are in 0..1. Fields that do not apply to a classifier-only run are null. {@code outcomes}
 * holds every line in file order. {@code answers} (null when no line names its FAQ entries) adds the
 * answer-level keys {@code answer_accuracy}, {@code answer_precision}, {@code answer_top3},
 * {@code answer_lines} and {@code answer_confusion} at the top level of the JSON.
 */
public record EvalReport(int n, double accuracy, double macroF1, Double e2eAccuracy, Double oosRecall,
                         Double autoAnswerPrecision, Double coverage, Double answerThreshold,
                         Map<String, Integer> actions, Map<String, LabelScores> perLabel,
                         Map<String, Map<String, Integer>> confusion, List<SweepPoint> thresholdSweep,
                         Latency latencyUs, double throughputPerS, List<EvalError> errors,
                         List<LineOutcome> outcomes, @JsonUnwrapped AnswerScores answers) {
    /** A report without answer-level scores (a classifier alone, or no line names its entries). */
    public EvalReport(int n, double accuracy, double macroF1, Double e2eAccuracy, Double oosRecall,
                      Double autoAnswerPrecision, Double coverage, Double answerThreshold,
                      Map<String, Integer> actions, Map<String, LabelScores> perLabel,
                      Map<String, Map<String, Integer>> confusion, List<SweepPoint> thresholdSweep,
                      Latency latencyUs, double throughputPerS, List<EvalError> errors, List<LineOutcome> outcomes) {
        this(n, accuracy, macroF1, e2eAccuracy, oosRecall, autoAnswerPrecision, coverage, answerThreshold, actions,
                perLabel, confusion, thresholdSweep, latencyUs, throughputPerS, errors, outcomes, null);
    }

    public EvalReport {
        actions = actions == null ? null : Map.copyOf(actions);
        perLabel = Map.copyOf(perLabel);
        confusion = Map.copyOf(confusion);
        thresholdSweep = thresholdSweep == null ? null : List.copyOf(thresholdSweep);
        errors = List.copyOf(errors);
        outcomes = List.copyOf(outcomes);
    }
}
