package dev.kefu.dialog;

/** Where conversation state lives between messages. Implementations are thread-safe. */
public interface ConversationStore {
    /** The state of {@code conversationId}; {@link ConversationState#NEW} when unknown. */
    ConversationState load(String conversationId);

    /** Replaces the state of {@code conversationId}. */
    void save(String conversationId, ConversationState state);
}
