package dev.kefu.intent.ensemble;

import dev.kefu.intent.FeatureIndex;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.linear.TfIdfVectorizer;
import dev.kefu.intent.maxent.MaxentWeights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Both members of an ensemble in one table: per feature, the maxent weights and then the
 * liblinear weights of every outcome, side by side, as floats. A feature is looked up once, and a
 * message touches half the memory it would touch in the two members' own double tables, which
 * do not fit in the cache together: that made the ensemble 1.5x slower than its parts (BENCHMARKS.md).
 * It computes what the members do, to float precision. Immutable and thread-safe.
 */
final class EnsembleTable {
    private final FeatureIndex rows;
    /** Row r: maxent weights at {@code 2nr}, liblinear weights at {@code 2nr + n}, in {@link #outcomes} order. */
    private final float[] weights;
    /** The liblinear idf of each row; 0 for a feature liblinear does not know. */
    private final double[] idf;
    private final double[] bias;
    private final int n;
    private final double temperature;

    EnsembleTable(MaxentWeights maxent, List<String> outcomes, LiblinearIntentClassifier liblinear) {
        this.n = outcomes.size();
        this.temperature = liblinear.temperature();
        TfIdfVectorizer vectorizer = liblinear.vectorizer();
        int[] toLiblinear = outcomes.stream().mapToInt(liblinear.outcomes()::indexOf).toArray();
        Map<String, Integer> index = new HashMap<>();
        maxent.features().forEach(f -> index.putIfAbsent(f, index.size()));
        vectorizer.features().forEach(f -> index.putIfAbsent(f, index.size()));
        this.weights = new float[index.size() * 2 * n];
        this.idf = new double[index.size()];
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            int base = e.getValue() * 2 * n;
            int i = vectorizer.index(e.getKey());
            idf[e.getValue()] = i == 0 ? 0 : vectorizer.idf(i);
            for (int c = 0; c < n; c++) {
                weights[base + c] = (float) maxent.weight(e.getKey(), c);
                weights[base + n + c] = i == 0 ? 0 : (float) liblinear.weight(i, toLiblinear[c]);
            }
        }
        this.bias = new double[n];
        for (int c = 0; c < n; c++) {
            bias[c] = liblinear.weight(vectorizer.size() + 1, toLiblinear[c]);
        }
        this.rows = FeatureIndex.of(index);
    }

    /** The maxent probabilities (first {@code n}) and the liblinear softmax (next {@code n}) of one message. */
    double[] probabilities(String[] features) {
        return probabilities(rows.numbers(features));
    }

    /** Where the features are numbered, for {@link IntentFeatures#rows}. */
    FeatureIndex index() {
        return rows;
    }

    /** The same for features given by their rows in {@link #index()}. */
    double[] probabilities(int[] features) {
        double[] scores = new double[2 * n];
        int[] known = new int[features.length];
        int k = 0;
        for (int row : features) {
            int base = row * 2 * n;
            for (int c = 0; c < n; c++) {
                scores[c] += weights[base + c];
            }
            if (idf[row] > 0) {
                known[k++] = row;
            }
        }
        addLiblinear(known, k, scores);
        softmax(scores, 0, 1.0);
        softmax(scores, n, temperature);
        return scores;
    }

    /** Sublinear tf times idf, L2-normalized, as {@link TfIdfVectorizer} does; then the bias. */
    private void addLiblinear(int[] known, int k, double[] scores) {
        Arrays.sort(known, 0, k);
        double[] sums = new double[n];
        double norm = 0;
        for (int start = 0, end; start < k; start = end) {
            end = start;
            while (end < k && known[end] == known[start]) {
                end++;
            }
            double value = (1 + Math.log(end - start)) * idf[known[start]];
            norm += value * value;
            int base = known[start] * 2 * n + n;
            for (int c = 0; c < n; c++) {
                sums[c] += weights[base + c] * value;
            }
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int c = 0; c < n; c++) {
            scores[n + c] = sums[c] * scale + bias[c];
        }
    }

    private void softmax(double[] scores, int from, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = from; c < from + n; c++) {
            max = Math.max(max, scores[c]);
        }
        double sum = 0;
        for (int c = from; c < from + n; c++) {
            scores[c] = Math.exp((scores[c] - max) / t);
            sum += scores[c];
        }
        for (int c = from; c < from + n; c++) {
            scores[c] /= sum;
        }
    }
}
