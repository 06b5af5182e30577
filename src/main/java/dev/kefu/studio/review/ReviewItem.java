package dev.kefu.studio.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A user message waiting in the review inbox, with the bot's decision on it.
 *
 * @param messageId   the user message's transcript id
 * @param text        the message as stored (masked)
 * @param action      the bot's action on it ({@code fallback}, {@code handoff}, {@code answer} …)
 * @param reason      the rule that decided
 * @param confidence  the top intent's confidence
 * @param answerScore the score of the entry answered with; null when it answered none
 * @param faqId       the entry answered with, or null
 * @param thumbsDown  whether the user rated the answer not helpful
 * @param agentAnswer what an agent first answered after it, once the conversation was handed off (masked), or null
 */
public record ReviewItem(long messageId, String conversationId, Instant at, String text, String action, String reason,
                         double confidence, Double answerScore, String faqId, boolean thumbsDown, String agentAnswer) {
    public ReviewItem {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }
}
