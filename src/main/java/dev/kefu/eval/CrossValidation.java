package dev.kefu.eval;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.Thresholds;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stratified K-fold cross-validation of the full pipeline on a training corpus: each fold is held
 * out once, the classifier is trained on the others, and the held-out lines are scored like an
 * evaluation file. Folds are assigned round-robin within each label, in file order, so the split
 * is deterministic. Used to choose thresholds without looking at {@code eval.tsv}.
 */
public final class CrossValidation {
    private final Function<List<LabeledText>, Function<Thresholds, ChatEngine>> trainer;
    private final Thresholds shipped;

    /** {@code trainer} turns training lines into an engine factory over a freshly trained classifier. */
    public CrossValidation(Function<List<LabeledText>, Function<Thresholds, ChatEngine>> trainer, Thresholds shipped) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
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
            reports.add(new Evaluator(trainer.apply(train), shipped).run(folds.get(i), Evaluator.Progress.none()));
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
