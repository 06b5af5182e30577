package dev.kefu.eval;

/**
 * Coverage, auto-answer precision, end-to-end accuracy and oos recall at one answer threshold, and
 * the answer-level accuracy and precision (null when no line names its FAQ entries).
 */
public record SweepPoint(double threshold, double coverage, double precision, double e2eAccuracy, double oosRecall,
                         Double answerAccuracy, Double answerPrecision) {
    /** A point without answer-level figures. */
    public SweepPoint(double threshold, double coverage, double precision, double e2eAccuracy, double oosRecall) {
        this(threshold, coverage, precision, e2eAccuracy, oosRecall, null, null);
    }
}
