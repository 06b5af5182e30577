package dev.kefu.eval;

/** Coverage and auto-answer precision at one answer threshold. */
public record SweepPoint(double threshold, double coverage, double precision, double e2eAccuracy, double oosRecall) {
}
