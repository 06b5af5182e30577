package dev.kefu.feedback;

import java.util.Objects;

/**
 * How one FAQ entry fares with users: how often it was given as an answer and how often it was
 * rated helpful and not helpful.
 */
public record FaqFeedback(String faqId, long answers, long helpful, long notHelpful) {
    public FaqFeedback {
        Objects.requireNonNull(faqId, "faqId");
        if (answers < 0 || helpful < 0 || notHelpful < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Share of the ratings that say helpful; NaN without ratings. */
    public double helpfulRate() {
        long rated = helpful + notHelpful;
        return rated == 0 ? Double.NaN : (double) helpful / rated;
    }
}
