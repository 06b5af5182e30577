package dev.kefu.intent.maxent;

import java.util.Map;

/**
 * How the OpenNLP classifier is trained. The defaults come from 5-fold cross-validation on the
 * public benchmark's training file (DESIGN.md): L-BFGS maxent with L2 only (L1 hurt and was 3x
 * slower), a cutoff of 1 because our corpus is small, 100 iterations.
 */
public record TrainingSettings(int iterations, int cutoff, double l1, double l2) {
    public static final TrainingSettings DEFAULT = new TrainingSettings(100, 1, 0.0, 0.1);

    public TrainingSettings {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        if (cutoff < 1) {
            throw new IllegalArgumentException("cutoff must be >= 1, was " + cutoff);
        }
        if (l1 < 0 || l2 < 0) {
            throw new IllegalArgumentException("l1 and l2 must be >= 0, were " + l1 + ", " + l2);
        }
    }

    /** The settings as they are recorded in the model manifest. */
    public Map<String, String> describe() {
        return Map.of("algorithm", "MAXENT_QN", "iterations", String.valueOf(iterations),
                "cutoff", String.valueOf(cutoff), "l1", String.valueOf(l1), "l2", String.valueOf(l2),
                "features", "words, word bigrams, char 1-3-grams of ^text$");
    }
}
