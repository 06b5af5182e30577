package dev.kefu.intent.linear;

import java.util.Map;

/**
 * How the liblinear classifier is trained: Crammer–Singer multi-class SVM ({@code MCSVM_CS}) with
 * cost {@code c}, on TF-IDF of words (and word bigrams if {@code wordBigrams}) and character
 * 1–3-grams of {@code "^" + text + "$"}. Confidence is a softmax of the decision values at
 * {@code temperature}: the raw values are margins, not probabilities (DESIGN.md).
 */
public record LiblinearSettings(double c, boolean wordBigrams, double temperature) {
    /** Chosen by 5-fold cross-validation on the public benchmark's training file (README, "Results"). */
    public static final LiblinearSettings DEFAULT = new LiblinearSettings(1.0, false, 0.03);

    public LiblinearSettings {
        if (!(c > 0)) {
            throw new IllegalArgumentException("c must be > 0, was " + c);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
    }

    /** The settings as a manifest would record them. */
    public Map<String, String> describe() {
        return Map.of("algorithm", "liblinear MCSVM_CS", "c", String.valueOf(c), "temperature",
                String.valueOf(temperature), "features", "tf-idf of words" + (wordBigrams ? ", word bigrams" : "")
                        + ", char 1-3-grams of ^text$");
    }
}
