package dev.kefu.dialog;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation state in this process only (terminal chat, evaluation). Thread-safe. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, ConversationState> states = new ConcurrentHashMap<>();

    @Override
    public ConversationState load(String conversationId) {
        return states.getOrDefault(conversationId, ConversationState.NEW);
    }

    @Override
    public void save(String conversationId, ConversationState state) {
        states.put(conversationId, Objects.requireNonNull(state, "state"));
    }
}
