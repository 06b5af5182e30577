package dev.kefu.eval;

import java.util.List;
import java.util.Map;

/**
 * The evaluation report; serialized with snake_case keys (see README, "Evaluation report").
 * Rates are in 0..1. Fields that do not apply to a classifier-only run are null. {@code outcomes}
 * holds every line in file order.
 */
public record EvalReport(int n, double accuracy, double macroF1, Double e2eAccuracy, Double oosRecall,
                         Double autoAnswerPrecision, Double coverage, Double answerThreshold,
                         Map<String, Integer> actions, Map<String, LabelScores> perLabel,
                         Map<String, Map<String, Integer>> confusion, List<SweepPoint> thresholdSweep,
                         Latency latencyUs, double throughputPerS, List<EvalError> errors,
                         List<LineOutcome> outcomes) {
    public EvalReport {
        actions = actions == null ? null : Map.copyOf(actions);
        perLabel = Map.copyOf(perLabel);
        confusion = Map.copyOf(confusion);
        thresholdSweep = thresholdSweep == null ? null : List.copyOf(thresholdSweep);
        errors = List.copyOf(errors);
        outcomes = List.copyOf(outcomes);
    }
}
