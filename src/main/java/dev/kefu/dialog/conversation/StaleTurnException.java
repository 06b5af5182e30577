package dev.kefu.dialog.conversation;

/**
 * A turn was computed from a conversation state that is no longer the stored one: another turn (in
 * this process or another one sharing the database) or an agent changed the conversation first.
 * Thrown by {@link ConversationStore#record}, which then has kept nothing of the turn; the turn can
 * be computed again from the state as it is now.
 */
public final class StaleTurnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleTurnException(String conversationId) {
        super("conversation " + conversationId + " changed while its message was being answered");
    }
}
