package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.Action;
import java.util.List;
import java.util.Objects;

/**
 * The bot's reply to one message, as the channels show it and the evaluation scores it.
 *
 * @param intent     the top intent (null for an empty message)
 * @param confidence the top intent's confidence, 0 for an empty message
 * @param text       what the user reads
 * @param faqId      the FAQ entry answered with, or null
 * @param handoff    set when the bot transfers to a person (or, for urgent answers, offers to)
 * @param reason     the decision's reason ({@link dev.kefu.dialog.policy.Reason#wireName()})
 * @param detail     the figures behind the reason
 * @param messageId  the id of the bot's message in the transcript, or null when it is not stored there
 */
public record Reply(String conversationId, Action action, String intent, double confidence, String text,
                    String faqId, List<Suggestion> suggestions, HandoffRequest handoff, String reason, String detail,
                    Long messageId) {
    public Reply {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** A reply not (yet) stored in a transcript. */
    public Reply(String conversationId, Action action, String intent, double confidence, String text,
                 String faqId, List<Suggestion> suggestions, HandoffRequest handoff, String reason, String detail) {
        this(conversationId, action, intent, confidence, text, faqId, suggestions, handoff, reason, detail, null);
    }

    /** This reply, stored in the transcript as message {@code id}. */
    public Reply withMessageId(long id) {
        return new Reply(conversationId, action, intent, confidence, text, faqId, suggestions, handoff, reason, detail, id);
    }

    /** This reply with {@code other} as its text. */
    public Reply withText(String other) {
        return new Reply(conversationId, action, intent, confidence, other, faqId, suggestions, handoff, reason, detail,
                messageId);
    }

    /** This reply with {@code note} added after its text, on a paragraph of its own. */
    public Reply withNote(String note) {
        String joined = text.isEmpty() ? note : text + "\n\n" + note;
        return new Reply(conversationId, action, intent, confidence, joined, faqId, suggestions, handoff, reason, detail,
                messageId);
    }
}
