package dev.kefu.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy, per-label precision/recall/F1, macro-F1 (mean F1 over the gold labels) and the
 * confusion matrix ({@code confusion[gold][predicted] = count}) of paired gold and predicted labels.
 */
public record ClassificationMetrics(int n, double accuracy, double macroF1, Map<String, LabelScores> perLabel,
                                    Map<String, Map<String, Integer>> confusion) {
    public ClassificationMetrics {
        perLabel = Map.copyOf(perLabel);
        confusion = Map.copyOf(confusion);
    }

    /** Metrics of {@code predicted} against {@code gold} (same length, same order). */
    public static ClassificationMetrics of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            confusion.computeIfAbsent(gold.get(i), g -> new TreeMap<>()).merge(predicted.get(i), 1, Integer::sum);
            correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        Map<String, LabelScores> perLabel = new TreeMap<>();
        double f1Sum = 0;
        for (String label : new TreeSet<>(gold)) {
            int tp = count(confusion, label, label);
            int support = confusion.get(label).values().stream().mapToInt(Integer::intValue).sum();
            int predictedAs = confusion.values().stream().mapToInt(row -> row.getOrDefault(label, 0)).sum();
            double p = ratio(tp, predictedAs);
            double r = ratio(tp, support);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            perLabel.put(label, new LabelScores(p, r, f1, support));
            f1Sum += f1;
        }
        double accuracy = ratio(correct, gold.size());
        double macroF1 = perLabel.isEmpty() ? 0 : f1Sum / perLabel.size();
        return new ClassificationMetrics(gold.size(), accuracy, macroF1, perLabel, confusion);
    }

    private static int count(Map<String, Map<String, Integer>> confusion, String gold, String predicted) {
        return confusion.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
