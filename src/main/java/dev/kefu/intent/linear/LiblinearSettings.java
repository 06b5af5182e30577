package dev.kefu.intent.linear;

import java.util.Map;

/**
 * How the liblinear classifier is trained: Crammer–Singer multi-class SVM ({@code MCSVM_CS}) with
 * cost {@code c}, on TF-IDF of words (and word bigrams if {@code wordBigrams}) and character
 * 1–3-grams of {@code "^" + text + "$"}. Confidence is a softmax of the decision values at
 * {@code temperature}: the raw values are margins, not probabilities (DESIGN.md).
 */
public record LiblinearSettings(double c, boolean wordBigrams, double temperature) {
    /**
     * Cost and features chosen by 5-fold CV on the public benchmark's training file (README,
     * "Results"). The temperature, which changes no ranking, only how confident the top intent
     * looks against the answer threshold, minimizes the log-loss of 5-fold CV on our corpus
     * (0.4388 per line at 0.12 and 0.13, 1.19 at the earlier 0.03, which made nearly every
     * answer look certain; BENCHMARKS.md).
     */
    public static final LiblinearSettings DEFAULT = new LiblinearSettings(1.0, false, 0.13);
    /** With sentence vectors ({@code liblinear-bge}): the same, at its own log-loss minimum (0.3178 at 0.14). */
    public static final LiblinearSettings WITH_SENTENCES = new LiblinearSettings(1.0, false, 0.14);

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
