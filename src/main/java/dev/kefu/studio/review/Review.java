package dev.kefu.studio.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An admin's review of some inbox messages, all with the same outcome (a whole cluster, or one message).
 *
 * @param messageIds the user messages reviewed (transcript ids), distinct, at least one
 * @param faqId      the entry they were added to or became; null unless {@link Outcome#needsEntry()}
 * @param reviewer   the admin's login
 * @param comment    why, as typed (masked); may be null
 */
public record Review(List<Long> messageIds, Outcome outcome, String faqId, String reviewer, String comment, Instant at) {
    public Review {
        messageIds = List.copyOf(messageIds);
        if (messageIds.isEmpty() || messageIds.stream().distinct().count() != messageIds.size()) {
            throw new IllegalArgumentException("messageIds must be distinct and not empty");
        }
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.needsEntry() != (faqId != null)) {
            throw new IllegalArgumentException("faqId is required for " + outcome.wireName() + " and only then");
        }
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
    }
}
