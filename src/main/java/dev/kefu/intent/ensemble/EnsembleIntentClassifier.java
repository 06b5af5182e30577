package dev.kefu.intent.ensemble;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.text.Tokens;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Intent classifier that averages the confidences of an OpenNLP maxent model and a liblinear
 * model trained on the same examples (chosen with {@code --classifier ensemble}). The features
 * are computed once and read by both. Thread-safe, as both members are.
 */
public final class EnsembleIntentClassifier implements IntentClassifier {
    private final OpenNlpIntentClassifier maxent;
    private final LiblinearIntentClassifier liblinear;
    private final double maxentWeight;
    private final String[] outcomes;
    /** For each of maxent's outcomes, the position of the same label among liblinear's. */
    private final int[] toLiblinear;
    /** Both members' weights side by side; null when maxent is not an L-BFGS model (then each member is asked). */
    private final EnsembleTable table;

    /**
     * The two members, trained on the same examples, and maxent's weight in the average (0..1); as
     * the trainer builds it or as {@code models/} holds it.
     */
    public EnsembleIntentClassifier(OpenNlpIntentClassifier maxent, LiblinearIntentClassifier liblinear,
                                    double maxentWeight) {
        if (!(maxentWeight >= 0 && maxentWeight <= 1)) {
            throw new IllegalArgumentException("maxentWeight must be in 0..1, was " + maxentWeight);
        }
        this.maxent = Objects.requireNonNull(maxent, "maxent");
        this.liblinear = Objects.requireNonNull(liblinear, "liblinear");
        if (!maxent.labels().equals(liblinear.labels())) {
            throw new IllegalArgumentException("both members must know the same labels, were " + maxent.labels()
                    + " and " + liblinear.labels());
        }
        this.maxentWeight = maxentWeight;
        this.outcomes = maxent.outcomes().toArray(new String[0]);
        List<String> other = liblinear.outcomes();
        this.toLiblinear = new int[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            toLiblinear[i] = other.indexOf(outcomes[i]);
        }
        this.table = maxent.weights() == null ? null : new EnsembleTable(maxent.weights(), List.of(outcomes), liblinear);
    }

    @Override
    public IntentPrediction classify(Tokens tokens) {
        // with word bigrams; liblinear ignores those it was not trained on
        String[] features = table != null ? null : IntentFeatures.of(tokens);
        int n = outcomes.length;
        double[] both = table != null ? table.probabilities(IntentFeatures.rows(tokens, true, table.index())) : null;
        double[] p = both != null ? both : maxent.probabilities(features);
        double[] q = both != null ? null : liblinear.probabilities(features);
        double[] mixed = new double[n];
        for (int i = 0; i < n; i++) {
            double m = maxentWeight * p[i] + (1 - maxentWeight) * (both != null ? both[n + i] : q[toLiblinear[i]]);
            mixed[i] = Double.isNaN(m) ? 0.0 : Math.max(0.0, Math.min(1.0, m));
        }
        return IntentPrediction.rank(outcomes, mixed);
    }

    /** The OpenNLP member. */
    public OpenNlpIntentClassifier maxent() {
        return maxent;
    }

    /** The liblinear member. */
    public LiblinearIntentClassifier liblinear() {
        return liblinear;
    }

    /** Maxent's weight in the average; liblinear's is 1 minus it. */
    public double maxentWeight() {
        return maxentWeight;
    }

    @Override
    public Set<String> labels() {
        return maxent.labels();
    }
}
