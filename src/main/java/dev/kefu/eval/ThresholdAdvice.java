package dev.kefu.eval;

import java.util.List;
import java.util.Optional;

/** The answer threshold that keeps the most coverage at a target auto-answer precision. */
public record ThresholdAdvice(double targetPrecision, SweepPoint best) {
    /** The sweep point with the highest coverage among those at or above the target; empty if none is. */
    public static Optional<ThresholdAdvice> of(List<SweepPoint> sweep, double targetPrecision) {
        SweepPoint best = null;
        for (SweepPoint point : sweep) {
            if (point.precision() >= targetPrecision && (best == null || point.coverage() > best.coverage())) {
                best = point;
            }
        }
        return Optional.ofNullable(best).map(b -> new ThresholdAdvice(targetPrecision, b));
    }
}
