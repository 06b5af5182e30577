package dev.kefu.dialog.policy;

/**
 * Every number the decision policy uses, in one place.
 *
 * @param answer        minimum top-intent confidence to answer automatically
 * @param handoff       minimum confidence of {@code human_agent} to transfer on request
 * @param clarifyMargin largest gap between the two best intents that still asks "which one?"
 * @param clarifyFloor  minimum confidence of the runner-up for it to be offered as an option
 * @param fallbacksBeforeHandoff consecutive fallbacks after which the next one offers a person
 * @param answerMargin  largest gap between the two best entries, the best at or above {@code answer},
 *                      that still asks which one rather than guessing (0: never)
 */
public record Thresholds(double answer, double handoff, double clarifyMargin, double clarifyFloor,
                         int fallbacksBeforeHandoff, double answerMargin) {
    /**
     * Defaults chosen on the 5-fold cross-validation sweep of the training corpus
     * ({@code eval --cv 5}), without looking at {@code eval.tsv}: at an answer threshold of 0.50 the
     * end-to-end accuracy is within 2.5 points of the best threshold (0.35) while auto-answer
     * precision rises from 0.915 to 0.934 and oos recall from 0.923 to 0.942; above 0.50 each 0.05
     * costs about 2.5 points of coverage for under 1 point of precision. See README, "Thresholds".
     */
    public static final Thresholds DEFAULT = new Thresholds(0.5, 0.4, 0.15, 0.2, 1, 0.1);

    /** Thresholds that never clarify between two entries above the answer threshold. */
    public Thresholds(double answer, double handoff, double clarifyMargin, double clarifyFloor,
                      int fallbacksBeforeHandoff) {
        this(answer, handoff, clarifyMargin, clarifyFloor, fallbacksBeforeHandoff, 0.0);
    }

    public Thresholds {
        requireProbability("answerMargin", answerMargin);
        requireProbability("answer", answer);
        requireProbability("handoff", handoff);
        requireProbability("clarifyMargin", clarifyMargin);
        requireProbability("clarifyFloor", clarifyFloor);
        if (fallbacksBeforeHandoff < 0) {
            throw new IllegalArgumentException("fallbacksBeforeHandoff must be >= 0, was " + fallbacksBeforeHandoff);
        }
    }

    /** These thresholds with another answer threshold (used by the threshold sweep). */
    public Thresholds withAnswer(double newAnswer) {
        return new Thresholds(newAnswer, handoff, clarifyMargin, clarifyFloor, fallbacksBeforeHandoff, answerMargin);
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in 0..1, was " + value);
        }
    }
}
