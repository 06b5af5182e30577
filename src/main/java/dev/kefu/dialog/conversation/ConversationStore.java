package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
     * @return the transcript id of the bot's message, or 0 when the store keeps no transcript or the
     *         reply had no text
     * @throws StaleTurnException when the stored version is another one (or the conversation exists
     *         already, or no longer does)
     */
    long record(String conversationId, Turn turn);

    /**
     * Reads the state of {@code conversationId}, lets {@code compute} make a turn of it and records
     * that turn (as {@link #record}), while no other process can record a turn of the conversation:
     * for a turn that already lost a race, so that it cannot lose again and again to a busy other
     * process. This default reads and records without a lock, which is right for a store that only
     * one process uses.
     *
     * @throws StaleTurnException when the conversation was started or deleted meanwhile
     */
    default Recorded recordLocked(String conversationId, Function<ConversationState, Turn> compute) {
        Turn turn = compute.apply(find(conversationId).orElse(ConversationState.NEW));
        return new Recorded(turn, record(conversationId, turn));
    }

    /**
     * How many turns this store has refused with {@link StaleTurnException} since it was opened:
     * turns of a conversation that changed while they were computed. Each is computed again, so a
     * steady count means instances answering the same conversations at once, not lost messages.
     */
    default long refusedTurns() {
        return 0;
    }

    /** A recorded turn and the transcript id of the bot's message (0 as {@link #record} returns it). */
    record Recorded(Turn turn, long messageId) {
        public Recorded {
            Objects.requireNonNull(turn, "turn");
        }
    }
}
