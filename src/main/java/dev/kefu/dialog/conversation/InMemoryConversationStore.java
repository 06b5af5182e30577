package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Conversation state in this process only (terminal chat, evaluation); no transcript. Thread-safe. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, ConversationState> states = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    @Override
    public Optional<ConversationState> find(String conversationId) {
        return Optional.ofNullable(states.get(conversationId));
    }

    @Override
    public long record(String conversationId, Turn turn) {
        states.compute(conversationId, (id, stored) -> {
            int version = stored == null ? 0 : stored.version();
            if (version != turn.after().version()) {
                refused.increment();
                throw new StaleTurnException(conversationId);
            }
            return turn.after().withVersion(version + 1);
        });
        return 0;
    }

    @Override
    public long refusedTurns() {
        return refused.sum();
    }
}
