package dev.kefu.intent.maxent;

import java.util.Map;

/**
 * How the OpenNLP classifier is trained. The defaults come from 5-fold cross-validation on the
 * public benchmark's training file (DESIGN.md): L-BFGS maxent with L2 only (L1 hurt and was 3x
 * slower), a cutoff of 1 because our corpus is small, 100 iterations. L-BFGS keeps the last
 * {@code history} updates (OpenNLP's {@code NumOfUpdates}, 15 by default): each is two vectors
 * of every predicate times every intent, about 6 MB with our corpus, and the 15 were the peak of a
 * training (184 MB live in the heap of {@code train}). 7 scored the same as 15 under 5-fold CV
 * (intent accuracy 0.846 both) with 48 MB less; 5 and 10 scored 0.843 (BENCHMARKS.md).
 */
public record TrainingSettings(int iterations, int cutoff, double l1, double l2, int history) {
    public static final TrainingSettings DEFAULT = new TrainingSettings(100, 1, 0.0, 0.1, 7);

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
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1, was " + history);
        }
    }

    /** The settings as they are recorded in the model manifest. */
    public Map<String, String> describe() {
        return Map.of("algorithm", "MAXENT_QN", "iterations", String.valueOf(iterations),
                "cutoff", String.valueOf(cutoff), "l1", String.valueOf(l1), "l2", String.valueOf(l2),
                "history", String.valueOf(history),
                "features", "words, word bigrams, char 1-3-grams of ^text$");
    }
}
