package dev.kefu.eval;

import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores an intent classifier alone (no FAQ, no decision policy) on a labeled file: accuracy,
 * macro-F1, per label, confusion, the errors with their confidence and every line's outcome.
 * Used for public benchmarks and classifier-only cross-validation. Thread-safe if the classifier is.
 */
public final class ClassifierEvaluator {
    static final String ACTION = "classify";

    private final Function<String, IntentPrediction> classifier;

    /** {@code classifier} maps a raw message to its ranked intents (normalizing and tokenizing it). */
    public ClassifierEvaluator(Function<String, IntentPrediction> classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** The report for {@code data}; the latency is that of this single pass. */
    public EvalReport run(List<LabeledText> data) {
        return run(data, Evaluator.Progress.none());
    }

    /** The same, reporting each line scored to {@code progress}. */
    public EvalReport run(List<LabeledText> data, Evaluator.Progress progress) {
        List<IntentScore> tops = new ArrayList<>(data.size());
        long[] nanos = new long[data.size()];
        long start = System.nanoTime();
        for (int i = 0; i < data.size(); i++) {
            long t0 = System.nanoTime();
            tops.add(classifier.apply(data.get(i).text()).top());
            nanos[i] = System.nanoTime() - t0;
            progress.step(i + 1, data.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> gold = data.stream().map(LabeledText::label).toList();
        ClassificationMetrics m = ClassificationMetrics.of(gold, tops.stream().map(IntentScore::label).toList());
        List<EvalError> errors = new ArrayList<>();
        List<LineOutcome> outcomes = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            IntentScore top = tops.get(i);
            boolean correct = top.label().equals(gold.get(i));
            outcomes.add(new LineOutcome(gold.get(i), top.label(), top.confidence(), ACTION, correct));
            if (!correct) {
                errors.add(new EvalError(data.get(i).text(), gold.get(i), top.label(), top.confidence(), ACTION, ""));
            }
        }
        errors.sort(Comparator.comparingDouble(EvalError::confidence).reversed());
        return new EvalReport(data.size(), m.accuracy(), m.macroF1(), null, null, null, null, null, null,
                m.perLabel(), m.confusion(), null, Latency.ofNanos(nanos, nanos.length), data.size() / seconds,
                errors, outcomes);
    }
}
