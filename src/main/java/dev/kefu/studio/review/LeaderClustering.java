package dev.kefu.studio.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Groups items whose sentence vectors are close: each item, in the order given, joins the cluster
 * whose first item (its leader) is the most similar by cosine, if that similarity reaches the
 * threshold, and otherwise leads a cluster of its own. One pass, deterministic for a given order,
 * quadratic in the worst case only in the number of clusters. Clusters come out biggest first,
 * ties in order of their leaders. Thread-safe (no state).
 */
public final class LeaderClustering {
    /**
     * Cosine at which two messages count as the same question, for bge-small-zh vectors. Measured on
     * 16 hand-made pairs: rephrasings of one question scored 0.75-0.93 (「退款什么时候到账」「退款多久能到」
     * 0.88; one, 「账户被冻结了」「账号被限制了怎么解除」, 0.66), different questions 0.33-0.74 (「账户被冻结了」
     * 「账号被盗了」 0.74, which must stay apart). A missed join costs a second cluster; a wrong one hides a
     * question, so the threshold sits at the top of the different pairs (README, "Review inbox").
     */
    public static final double DEFAULT_SIMILARITY = 0.75;

    private final double similarity;

    public LeaderClustering(double similarity) {
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        this.similarity = similarity;
    }

    /** {@code items} in clusters, biggest first; {@code vector} gives each item's L2-normalized vector. */
    public <T> List<List<T>> cluster(List<T> items, Function<T, float[]> vector) {
        List<float[]> leaders = new ArrayList<>();
        List<List<T>> clusters = new ArrayList<>();
        for (T item : items) {
            float[] v = vector.apply(item);
            int best = -1;
            double bestScore = similarity;
            for (int i = 0; i < leaders.size(); i++) {
                double score = cosine(leaders.get(i), v);
                if (score >= bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                leaders.add(v);
                clusters.add(new ArrayList<>(List.of(item)));
            } else {
                clusters.get(best).add(item);
            }
        }
        List<List<T>> sorted = new ArrayList<>(clusters); // stable: equal sizes keep their leaders' order
        sorted.sort(Comparator.comparingInt(c -> -c.size()));
        return sorted.stream().map(List::copyOf).toList();
    }

    /** The cosine of two L2-normalized vectors (their dot product); 0 when either is all zeros. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
