package dev.kefu.eval;

import java.util.Arrays;

/** Percentiles of per-message latency in microseconds. */
public record Latency(double p50, double p99, double p999, double max) {
    /** Percentiles of {@code nanos} (modified in place: sorted). */
    public static Latency ofNanos(long[] nanos, int count) {
        if (count == 0) {
            return new Latency(0, 0, 0, 0);
        }
        Arrays.sort(nanos, 0, count);
        return new Latency(micros(nanos, count, 0.50), micros(nanos, count, 0.99),
                micros(nanos, count, 0.999), nanos[count - 1] / 1000.0);
    }

    private static double micros(long[] sorted, int count, double quantile) {
        int index = (int) Math.min(count - 1, Math.ceil(quantile * count) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
