package dev.kefu.intent;

import java.util.Objects;

/** One intent and the classifier's confidence in it, in 0..1. */
public record IntentScore(String label, double confidence) {
    public IntentScore {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
    }
}
