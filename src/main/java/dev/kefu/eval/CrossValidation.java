package dev.kefu.eval;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stratified K-fold cross-validation on a training corpus: each fold is held out once, a
 * classifier is trained on the others, and the held-out lines are scored, either through the full
 * pipeline like an evaluation file or by the classifier alone. Folds are assigned round-robin
 * within each label, in file order, so the split is deterministic. Used to choose thresholds and
 * training settings without looking at any evaluation or test file.
 */
public final class CrossValidation {
    private final Function<List<LabeledText>, Function<List<LabeledText>, EvalReport>> trainer;

    private CrossValidation(Function<List<LabeledText>, Function<List<LabeledText>, EvalReport>> trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /** The full pipeline: {@code trainer} turns training lines into an engine factory over a fresh classifier. */
    public static CrossValidation ofPipeline(Function<List<LabeledText>, Function<Thresholds, ChatEngine>> trainer,
                                             Thresholds shipped) {
        Objects.requireNonNull(shipped, "shipped");
        return new CrossValidation(train -> {
            Evaluator evaluator = new Evaluator(trainer.apply(train), shipped);
            return heldOut -> evaluator.run(heldOut, Evaluator.Progress.none());
        });
    }

    /** The classifier alone: {@code trainer} turns training lines into a message → intents function. */
    public static CrossValidation ofClassifier(Function<List<LabeledText>, Function<String, IntentPrediction>> trainer) {
        return new CrossValidation(train -> new ClassifierEvaluator(trainer.apply(train))::run);
    }

    /** Mean and standard deviation over {@code k} folds, and the mean threshold sweep. */
    public CvReport run(List<LabeledText> examples, int k, Evaluator.Progress progress) {
        if (k < 2) {
            throw new IllegalArgumentException("--cv needs at least 2 folds, was " + k);
        }
        List<List<LabeledText>> folds = folds(examples, k);
        List<EvalReport> reports = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<LabeledText> train = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    train.addAll(folds.get(j));
                }
            }
            reports.add(trainer.apply(train).apply(folds.get(i)));
            progress.step(i + 1, k);
        }
        return CvReport.of(k, reports);
    }

    static List<List<LabeledText>> folds(List<LabeledText> examples, int k) {
        List<List<LabeledText>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (LabeledText example : examples) {
            int index = seen.merge(example.label(), 1, Integer::sum) - 1;
            folds.get(index % k).add(example);
        }
        return folds;
    }
}
