package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation state in this process only (terminal chat, evaluation); no transcript. Thread-safe. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, ConversationState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<ConversationState> find(String conversationId) {
        return Optional.ofNullable(states.get(conversationId));
    }

    @Override
    public long record(String conversationId, Turn turn) {
        states.compute(conversationId, (id, stored) -> {
            int version = stored == null ? 0 : stored.version();
            if (version != turn.after().version()) {
                throw new StaleTurnException(conversationId);
            }
            return turn.after().withVersion(version + 1);
        });
        return 0;
    }
}
