package dev.kefu.intent.linear;

import dev.kefu.intent.FeatureIndex;
import dev.kefu.intent.IntentFeatures;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Feature strings → liblinear vectors: sublinear tf (1 + ln count) times smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), rows L2-normalized, as scikit-learn's {@code TfidfVectorizer}
 * does; then the bias feature, which liblinear does not add at prediction time. Indices are
 * 1-based and ascending, numbered in sorted feature order. Features unseen in training are
 * dropped. Immutable and thread-safe.
 */
public final class TfIdfVectorizer {
    private final FeatureIndex index;
    private final double[] idf;

    private TfIdfVectorizer(Map<String, Integer> index, double[] idf) {
        this.index = FeatureIndex.of(index);
        this.idf = idf;
    }

    /** A saved vocabulary: {@code features.get(i)} is numbered {@code i + 1}, with idf {@code idf[i + 1]}. */
    static TfIdfVectorizer of(List<String> features, double[] idf) {
        if (idf.length != features.size() + 1) {
            throw new IllegalArgumentException(features.size() + " features but " + (idf.length - 1) + " idf values");
        }
        Map<String, Integer> index = new HashMap<>();
        for (String feature : features) {
            if (index.putIfAbsent(feature, index.size() + 1) != null) {
                throw new IllegalArgumentException("feature listed twice: " + feature);
            }
        }
        return new TfIdfVectorizer(index, idf.clone());
    }

    /** The features in number order: element {@code i} is numbered {@code i + 1}. */
    List<String> ordered() {
        String[] ordered = new String[index.size()];
        for (String feature : index.keys()) {
            ordered[index.get(feature) - 1] = feature;
        }
        return List.of(ordered);
    }

    /** The vocabulary and idf of {@code documents}. */
    static TfIdfVectorizer fit(List<String[]> documents) {
        Map<String, Integer> df = new TreeMap<>();
        for (String[] document : documents) {
            for (String feature : new TreeSet<>(List.of(document))) {
                df.merge(feature, 1, Integer::sum);
            }
        }
        double[] idf = new double[df.size() + 1];
        int i = 1;
        for (int count : df.values()) {
            idf[i++] = Math.log((1.0 + documents.size()) / (1.0 + count)) + 1;
        }
        return of(List.copyOf(df.keySet()), idf);
    }

    /** Every feature of the vocabulary. */
    public Set<String> features() {
        return index.keys();
    }

    /** The 1-based numbers of the vocabulary, for {@link IntentFeatures#rows}. */
    public FeatureIndex numbers() {
        return index;
    }

    /** The 1-based index of {@code feature}, or 0 when it is not in the vocabulary. */
    public int index(String feature) {
        return Math.max(0, index.get(feature));
    }

    /** The idf of the feature numbered {@code i}. */
    public double idf(int i) {
        return idf[i];
    }

    /** Number of features, excluding the bias. */
    public int size() {
        return index.size();
    }

    /** The normalized vector of one document as parallel arrays, bias last (index {@code size() + 1}, value 1). */
    Sparse sparse(String[] document) {
        int[] ids = index.numbers(document);
        return sparse(ids, ids.length);
    }

    /** The same for the first {@code n} feature numbers of {@code ids} (repeats kept), which it sorts. */
    Sparse sparse(int[] ids, int n) {
        Arrays.sort(ids, 0, n);
        int[] indices = new int[n + 1];
        double[] values = new double[n + 1];
        int k = 0;
        double norm = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && ids[end] == ids[start]) {
                end++;
            }
            double value = (1 + Math.log(end - start)) * idf[ids[start]];
            indices[k] = ids[start];
            values[k++] = value;
            norm += value * value;
            start = end;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < k; i++) {
            values[i] *= scale;
        }
        indices[k] = index.size() + 1;
        values[k] = 1.0;
        return new Sparse(Arrays.copyOf(indices, k + 1), Arrays.copyOf(values, k + 1));
    }

    /** A sparse vector: 1-based ascending indices and their values, bias last. */
    record Sparse(int[] indices, double[] values) {
    }
}
