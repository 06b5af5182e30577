package dev.kefu.intent;

import java.util.List;

/** Intents ranked by confidence, best first; never empty. */
public record IntentPrediction(List<IntentScore> ranked) {
    public IntentPrediction {
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a prediction ranks at least one intent");
        }
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).confidence() > ranked.get(i - 1).confidence()) {
                throw new IllegalArgumentException("ranked must be sorted by confidence, descending");
            }
        }
    }

    /**
     * {@code labels} ranked by {@code confidences} (same order, each in 0..1), highest first, ties
     * by label. An insertion sort of primitive indices: the classifiers call this once per message,
     * and it is several times faster than sorting records with a composed comparator.
     */
    public static IntentPrediction rank(String[] labels, double[] confidences) {
        if (labels.length != confidences.length) {
            throw new IllegalArgumentException("labels and confidences differ in length: " + labels.length
                    + " and " + confidences.length);
        }
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && before(labels, confidences, i, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        IntentScore[] ranked = new IntentScore[order.length];
        for (int i = 0; i < order.length; i++) {
            ranked[i] = new IntentScore(labels[order[i]], confidences[order[i]]);
        }
        return new IntentPrediction(List.of(ranked));
    }

    private static boolean before(String[] labels, double[] confidences, int a, int b) {
        return confidences[a] > confidences[b]
                || confidences[a] == confidences[b] && labels[a].compareTo(labels[b]) < 0;
    }

    /** The most likely intent. */
    public IntentScore top() {
        return ranked.get(0);
    }

    /** The runner-up; the top intent with confidence 0 when there is only one. */
    public IntentScore second() {
        return ranked.size() > 1 ? ranked.get(1) : new IntentScore(top().label(), 0.0);
    }
}
