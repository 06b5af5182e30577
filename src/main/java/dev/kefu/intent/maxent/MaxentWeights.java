package dev.kefu.intent.maxent;

import dev.kefu.intent.FeatureIndex;
import dev.kefu.intent.IntentFeatures;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * The weights of an OpenNLP L-BFGS maxent model copied into one flat table, one row per feature,
 * one column per outcome, so that a prediction reads contiguous memory. It computes what
 * {@code QNModel.eval} does (the sum of the weights of the features present, then a softmax),
 * with {@link Math#exp} where OpenNLP uses {@link StrictMath#exp}: together about twice as fast,
 * and equal to within 1e-12. Immutable and thread-safe.
 */
public final class MaxentWeights {
    private final FeatureIndex rows;
    private final double[] table;
    private final int outcomes;

    private MaxentWeights(FeatureIndex rows, double[] table, int outcomes) {
        this.rows = rows;
        this.table = table;
        this.outcomes = outcomes;
    }

    static MaxentWeights of(QNModel model) {
        @SuppressWarnings("unchecked") // AbstractModel's documented layout: params, predicate map, outcome names
        Map<String, Context> predicates = (Map<String, Context>) model.getDataStructures()[1];
        int n = model.getNumOutcomes();
        Map<String, Integer> rows = new HashMap<>(predicates.size() * 2);
        double[] table = new double[predicates.size() * n];
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            int row = rows.size();
            rows.put(e.getKey(), row);
            int[] outcomeIds = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int j = 0; j < outcomeIds.length; j++) {
                table[row * n + outcomeIds[j]] = parameters[j];
            }
        }
        return new MaxentWeights(FeatureIndex.of(rows), table, n);
    }

    /** Every feature the model knows. */
    public Set<String> features() {
        return rows.keys();
    }

    /** Where the features are numbered, for {@link IntentFeatures#rows}. */
    FeatureIndex index() {
        return rows;
    }

    /** The weight of {@code feature} for the outcome numbered {@code outcome}; 0 for an unknown feature. */
    public double weight(String feature, int outcome) {
        int row = rows.get(feature);
        return row < 0 ? 0 : table[row * outcomes + outcome];
    }

    /** The probability of each outcome, in the model's outcome order; every feature counts once per occurrence. */
    double[] probabilities(String[] features) {
        return probabilities(rows.numbers(features));
    }

    /** The same for features given by their rows in {@link #index()}. */
    double[] probabilities(int[] features) {
        double[] scores = new double[outcomes];
        for (int row : features) {
            int base = row * outcomes;
            for (int c = 0; c < outcomes; c++) {
                scores[c] += table[base + c];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int c = 0; c < outcomes; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < outcomes; c++) {
            scores[c] /= sum;
        }
        return scores;
    }
}
