package dev.kefu.intent;

import java.util.List;

/** Turns labeled utterances into an intent classifier. Implementations are thread-safe and deterministic. */
public interface IntentTrainer {
    /** A classifier trained on {@code examples}; at least two labels are needed. */
    default IntentClassifier train(List<LabeledText> examples) {
        return train(examples, TrainingProgress.none());
    }

    /** The same, reporting each example prepared and then the fitting to {@code progress}. */
    IntentClassifier train(List<LabeledText> examples, TrainingProgress progress);
}
