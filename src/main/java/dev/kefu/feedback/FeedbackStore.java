package dev.kefu.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where ratings live. Implementations are thread-safe. */
public interface FeedbackStore {
    /**
     * Stores {@code rating} (replacing an earlier rating of the same answer); empty when the
     * conversation has no such answer.
     */
    Optional<RatedAnswer> rate(Rating rating, Instant at);

    /** Every FAQ entry that has been given as an answer, the most often rated not helpful first. */
    List<FaqFeedback> perFaq();
}
