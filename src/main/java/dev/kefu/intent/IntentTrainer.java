package dev.kefu.intent;

import java.util.List;

/** Turns labeled utterances into an intent classifier. Implementations are thread-safe and deterministic. */
public interface IntentTrainer {
    /** A classifier trained on {@code examples}; at least two labels are needed. */
    IntentClassifier train(List<LabeledText> examples);
}
