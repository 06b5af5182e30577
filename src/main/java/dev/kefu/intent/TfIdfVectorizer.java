package dev.kefu.intent;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Feature strings → liblinear vectors: sublinear tf (1 + ln count) times smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), rows L2-normalized, as scikit-learn's {@code TfidfVectorizer}
 * does; then the bias feature, which liblinear does not add at prediction time. Indices are
 * 1-based and ascending, numbered in sorted feature order. Features unseen in training are
 * dropped. Immutable and thread-safe.
 */
final class TfIdfVectorizer {
    private final Map<String, Integer> index;
    private final double[] idf;

    private TfIdfVectorizer(Map<String, Integer> index, double[] idf) {
        this.index = Map.copyOf(index);
        this.idf = idf;
    }

    /** The vocabulary and idf of {@code documents}. */
    static TfIdfVectorizer fit(List<String[]> documents) {
        Map<String, Integer> df = new TreeMap<>();
        for (String[] document : documents) {
            for (String feature : new TreeSet<>(List.of(document))) {
                df.merge(feature, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[df.size() + 1];
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            int i = index.size() + 1;
            index.put(e.getKey(), i);
            idf[i] = Math.log((1.0 + documents.size()) / (1.0 + e.getValue())) + 1;
        }
        return new TfIdfVectorizer(index, idf);
    }

    /** Number of features, excluding the bias. */
    int size() {
        return index.size();
    }

    /** The normalized vector of one document, bias last (index {@code size() + 1}, value 1). */
    Feature[] vector(String[] document) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String feature : document) {
            Integer i = index.get(feature);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        Feature[] vector = new Feature[counts.size() + 1];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double value = (1 + Math.log(e.getValue())) * idf[e.getKey()];
            vector[k++] = new FeatureNode(e.getKey(), value);
            norm += value * value;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < counts.size(); i++) {
            vector[i].setValue(vector[i].getValue() * scale);
        }
        vector[counts.size()] = new FeatureNode(index.size() + 1, 1.0);
        return vector;
    }
}
