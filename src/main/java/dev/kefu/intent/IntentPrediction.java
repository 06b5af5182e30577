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

    /** The most likely intent. */
    public IntentScore top() {
        return ranked.get(0);
    }

    /** The runner-up; the top intent with confidence 0 when there is only one. */
    public IntentScore second() {
        return ranked.size() > 1 ? ranked.get(1) : new IntentScore(top().label(), 0.0);
    }
}
