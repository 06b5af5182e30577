package dev.kefu.dialog;

import java.util.Optional;

/** Where conversations live between messages. Implementations are thread-safe. */
public interface ConversationStore {
    /** The state of {@code conversationId}; empty when no such conversation exists. */
    Optional<ConversationState> find(String conversationId);

    /**
     * Records one turn atomically: the user's message, the bot's reply (if it has text), the new
     * state, and a handoff ticket when the reply hands off and none is open. Nothing of the turn is
     * kept if this throws.
     *
     * @return the transcript id of the bot's message, or 0 when the store keeps no transcript or the
     *         reply had no text
     */
    long record(String conversationId, Turn turn);
}
