package dev.kefu.eval;

import java.util.Objects;

/**
 * How one evaluated line came out, for the confidence histogram of the HTML report.
 *
 * @param gold       the line's label
 * @param predicted  the top intent ({@code oos} when there was none)
 * @param confidence the top intent's confidence, 0..1
 * @param action     the engine's action, or {@code classify} for a classifier-only run
 * @param correct    correct end to end (full pipeline) or top intent = gold (classifier only)
 */
public record LineOutcome(String gold, String predicted, double confidence, String action, boolean correct) {
    public LineOutcome {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(action, "action");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
    }
}
