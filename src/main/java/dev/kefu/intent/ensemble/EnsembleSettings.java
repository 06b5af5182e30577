package dev.kefu.intent.ensemble;

import dev.kefu.intent.linear.LiblinearSettings;
import dev.kefu.intent.maxent.TrainingSettings;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the ensemble classifier is trained: an OpenNLP maxent model and a liblinear model, each
 * with its own settings, whose confidences are averaged with weight {@code maxentWeight} for
 * maxent and {@code 1 - maxentWeight} for liblinear (whose confidence is the softmax at its
 * settings' temperature).
 */
public record EnsembleSettings(TrainingSettings maxent, LiblinearSettings liblinear, double maxentWeight) {
    /**
     * Maxent weight 0.5 and liblinear temperature 0.02 (the standalone liblinear classifier keeps
     * 0.03) were chosen by 5-fold cross-validation on the public benchmark's training file, over
     * weights 0.3 / 0.4 / 0.5 and temperatures 0.02 / 0.03 / 0.05 / 0.1: the best accuracy and the
     * best macro-F1 of the grid, on a flat top (BENCHMARKS.md, SMP2017).
     */
    public static final EnsembleSettings DEFAULT =
            new EnsembleSettings(TrainingSettings.DEFAULT, new LiblinearSettings(1.0, false, 0.02), 0.5);

    public EnsembleSettings {
        Objects.requireNonNull(maxent, "maxent");
        Objects.requireNonNull(liblinear, "liblinear");
        if (!(maxentWeight >= 0 && maxentWeight <= 1)) {
            throw new IllegalArgumentException("maxentWeight must be in 0..1, was " + maxentWeight);
        }
    }

    /** The settings as a manifest would record them. */
    public Map<String, String> describe() {
        Map<String, String> all = new TreeMap<>();
        maxent.describe().forEach((k, v) -> all.put("maxent." + k, v));
        liblinear.describe().forEach((k, v) -> all.put("liblinear." + k, v));
        all.put("algorithm", "ensemble of maxent and liblinear");
        all.put("maxent_weight", String.valueOf(maxentWeight));
        return all;
    }
}
