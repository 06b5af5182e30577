package dev.kefu.dialog;

/**
 * What the engine remembers of a conversation between messages.
 *
 * @param turns               user messages so far
 * @param consecutiveFallbacks fallbacks in a row, reset by any other action
 * @param lastIntent          intent of the last answered message, or null
 * @param handedOff           whether the conversation has been handed to a person
 */
public record ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff) {
    /** A conversation that has not started. */
    public static final ConversationState NEW = new ConversationState(0, 0, null, false);

    public ConversationState {
        if (turns < 0 || consecutiveFallbacks < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** The state after {@code decision}. An empty message does not count as a failed turn. */
    public ConversationState after(Decision decision) {
        int fallbacks = switch (decision.action()) {
            case FALLBACK -> decision.reason() == Reason.EMPTY_MESSAGE ? consecutiveFallbacks : consecutiveFallbacks + 1;
            default -> 0;
        };
        String intent = decision instanceof Decision.Answer answer ? answer.intent().label() : lastIntent;
        boolean handoff = handedOff || decision.action() == Action.HANDOFF;
        return new ConversationState(turns + 1, fallbacks, intent, handoff);
    }
}
