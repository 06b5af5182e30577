package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.time.Instant;
import java.util.Objects;

/**
 * One exchange: what the user wrote (as written, masked), the bot's reply, and the state after it.
 * {@code endsPreviousCard} when the message began with the rest of a card number that the previous
 * user message ended with: the store then masks that end of the previous message too
 * ({@link dev.kefu.text.PiiMasker#maskCardStart}), in the same transaction. {@code decision} is why
 * the bot replied so (the decision log), stored with the bot's line; null when none was recorded.
 */
public record Turn(String userText, Reply reply, ConversationState after, Instant at, boolean endsPreviousCard,
                   DecisionRecord decision) {
    public Turn {
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }

    /** A turn without a decision record. */
    public Turn(String userText, Reply reply, ConversationState after, Instant at, boolean endsPreviousCard) {
        this(userText, reply, after, at, endsPreviousCard, null);
    }

    public Turn(String userText, Reply reply, ConversationState after, Instant at) {
        this(userText, reply, after, at, false, null);
    }
}
