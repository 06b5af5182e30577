package dev.kefu.studio.review;

import dev.kefu.dialog.policy.Reason;
import java.util.List;
import java.util.Set;

/** The messages awaiting review and what admins decided about them. Implementations are thread-safe. */
public interface ReviewStore {
    /**
     * The reasons of handoffs that are not misses of the message they answer: the user asked for a
     * person or complained (a request), accepted the person the bot offered (「好的」: the misses
     * are the fallbacks before it, which are in the inbox themselves), or the conversation is with an
     * agent already. A handoff for any other reason is the bot giving up on the message.
     */
    Set<String> NOT_A_MISS = Set.of(Reason.USER_REQUEST.wireName(), Reason.COMPLAINT.wireName(),
            Reason.ACCEPTED_OFFER.wireName(), Reason.WITH_AGENT.wireName());

    /**
     * The unreviewed user messages the bot fell back on, handed off on its own (reason not in
     * {@link #NOT_A_MISS}), whose answer was rated 👎, or that it answered with an entry scored
     * below {@code threshold}; the newest {@code limit}, newest first.
     */
    List<ReviewItem> pending(double threshold, int limit);

    /**
     * Records {@code review} for each of its messages, all or none.
     *
     * @throws ReviewException when a message is not a user message ({@code unknown}) or was
     *         reviewed already ({@code reviewed})
     */
    void record(Review review);
}
