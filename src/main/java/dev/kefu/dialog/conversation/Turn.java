package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.time.Instant;
import java.util.Objects;

/**
 * One exchange: what the user wrote (as written, masked), the bot's reply, and the state after it.
 * {@code endsPreviousCard} when the message began with the rest of a card number that the previous
 * user message ended with: the store then masks that end of the previous message too
 * ({@link dev.kefu.text.PiiMasker#maskCardStart}), in the same transaction.
 */
public record Turn(String userText, Reply reply, ConversationState after, Instant at, boolean endsPreviousCard) {
    public Turn {
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }

    public Turn(String userText, Reply reply, ConversationState after, Instant at) {
        this(userText, reply, after, at, false);
    }
}
