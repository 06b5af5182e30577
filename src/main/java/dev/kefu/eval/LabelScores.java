package dev.kefu.eval;

/** Precision, recall and F1 of one label, and how many gold examples it has. */
public record LabelScores(double precision, double recall, double f1, int support) {
    public LabelScores {
        if (support < 0) {
            throw new IllegalArgumentException("support must be >= 0, was " + support);
        }
    }
}
