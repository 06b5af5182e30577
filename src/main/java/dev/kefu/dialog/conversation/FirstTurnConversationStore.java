package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.util.Optional;

/**
 * Treats every message as the first of a new conversation and keeps nothing. For benchmarks:
 * with real state, the cycling benchmark conversations would soon be handed off and the bot,
 * silent with a person, would skip the pipeline being measured. Stateless and thread-safe.
 */
public final class FirstTurnConversationStore implements ConversationStore {
    @Override
    public Optional<ConversationState> find(String conversationId) {
        return Optional.empty();
    }

    @Override
    public long record(String conversationId, Turn turn) {
        return 0; // nothing is kept, so the reply has no message id
    }
}
