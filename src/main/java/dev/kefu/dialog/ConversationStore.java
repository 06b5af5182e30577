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
     * <p>The turn is kept only if the stored state still has the version of the state the turn was
     * computed from ({@code turn.after().version()}; 0 for a conversation not stored yet), and the
     * stored version then goes up by one: two turns computed from the same state cannot both be kept.
     *
     * @throws StaleTurnException when the stored version is another one (or the conversation exists
     *         already, or no longer does)
     *
     * @return the transcript id of the bot's message, or 0 when the store keeps no transcript or the
     *         reply had no text
     */
    long record(String conversationId, Turn turn);
}
