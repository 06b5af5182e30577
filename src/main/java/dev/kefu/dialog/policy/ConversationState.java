package dev.kefu.dialog.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine remembers of a conversation between messages.
 *
 * @param turns                user messages so far
 * @param consecutiveFallbacks failed turns in a row (fallbacks and rejected answers), reset by any other action
 * @param lastIntent           intent of the last answered message, or null
 * @param handedOff            whether the conversation has been handed to a person (waiting for one, or with one)
 * @param context              what the bot said last, for the next message to refer to
 * @param lastActive           when the last message was recorded; null for a new conversation
 * @param privacyWarned        whether the user was already asked not to send card numbers, codes or passwords
 * @param version              the version of the stored conversation this state was read as or computed from:
 *                             0 for a conversation not stored yet; the store raises it with every write and
 *                             keeps a turn only if it is still this one ({@link dev.kefu.dialog.conversation.ConversationStore#record})
 * @param agentJoined          whether a person has taken the handed-off conversation (claimed its ticket): then
 *                             the bot is silent; until then it still answers. Not stored with the state: the
 *                             store reads it from the ticket
 */
public record ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff,
                                Context context, Instant lastActive, boolean privacyWarned, int version,
                                boolean agentJoined) {
    /** A conversation that has not started. */
    public static final ConversationState NEW = new ConversationState(0, 0, null, false);

    public ConversationState {
        if (turns < 0 || consecutiveFallbacks < 0 || version < 0) {
            throw new IllegalArgumentException("counts and version must be >= 0");
        }
        Objects.requireNonNull(context, "context");
    }

    /** A state without context (as before any reply). */
    public ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff) {
        this(turns, consecutiveFallbacks, lastIntent, handedOff, Context.NONE, null);
    }

    /** A state whose user has not been warned about personal data. */
    public ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff,
                             Context context, Instant lastActive) {
        this(turns, consecutiveFallbacks, lastIntent, handedOff, context, lastActive, false);
    }

    /** A state not stored yet (version 0). */
    public ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff,
                             Context context, Instant lastActive, boolean privacyWarned) {
        this(turns, consecutiveFallbacks, lastIntent, handedOff, context, lastActive, privacyWarned, 0);
    }

    /** A stored state whose handoff, if any, no person has joined yet. */
    public ConversationState(int turns, int consecutiveFallbacks, String lastIntent, boolean handedOff,
                             Context context, Instant lastActive, boolean privacyWarned, int version) {
        this(turns, consecutiveFallbacks, lastIntent, handedOff, context, lastActive, privacyWarned, version, false);
    }

    /** Whether the conversation waits for a person who has not joined yet (the bot still answers meanwhile). */
    public boolean waitingForAgent() {
        return handedOff && !agentJoined;
    }

    /** This state, remembering that the privacy warning was given (it is given once per conversation). */
    public ConversationState withPrivacyWarned() {
        return new ConversationState(turns, consecutiveFallbacks, lastIntent, handedOff, context, lastActive, true,
                version, agentJoined);
    }

    /** This state as stored with version {@code stored} (for stores that keep states as objects). */
    public ConversationState withVersion(int stored) {
        return new ConversationState(turns, consecutiveFallbacks, lastIntent, handedOff, context, lastActive,
                privacyWarned, stored, agentJoined);
    }

    /**
     * The state after {@code decision} on a message whose normalized text is {@code text}, at {@code at}.
     * An empty message does not count as a failed turn; a rejected answer does. It keeps this state's
     * version: it is stored only over this state.
     */
    public ConversationState after(Decision decision, String text, Instant at) {
        boolean failed = decision.action() == Action.FALLBACK && decision.reason() != Reason.EMPTY_MESSAGE
                || decision.reason() == Reason.REJECTED_ANSWER;
        int fallbacks = failed ? consecutiveFallbacks + 1
                : decision.reason() == Reason.EMPTY_MESSAGE ? consecutiveFallbacks : 0;
        String intent = decision instanceof Decision.Answer answer ? answer.intent().label() : lastIntent;
        boolean handoff = decision.reason() != Reason.HANDOFF_CANCELLED
                && (handedOff || decision.action() == Action.HANDOFF);
        int repeats = text.equals(context.lastMessage()) ? context.repeats() + 1 : 0;
        return new ConversationState(turns + 1, fallbacks, intent, handoff, Context.of(decision, text, repeats), at,
                privacyWarned, version, handoff && agentJoined);
    }

    /** The state after {@code decision}, for a message whose text does not matter. */
    public ConversationState after(Decision decision) {
        return after(decision, "", lastActive == null ? Instant.EPOCH : lastActive);
    }

    /**
     * This state, with a fresh context when the conversation has been silent for longer than
     * {@code timeout}: the bot forgets what it last said, the failures and the topic, but not the
     * turn count or a handoff (the transcript is kept by the store).
     */
    public ConversationState resumedAt(Instant now, Duration timeout) {
        if (lastActive == null || !lastActive.plus(timeout).isBefore(now)) {
            return this;
        }
        return new ConversationState(turns, 0, null, handedOff, Context.NONE, lastActive, privacyWarned, version,
                agentJoined);
    }

    /**
     * What the bot said last: the FAQ entry it answered with, the numbered options it offered, whether
     * it offered a person; and the user's last message (normalized) with how often it came in a row.
     *
     * @param answeredFaqId  id of the entry the last reply answered with, or null
     * @param offeredFaqIds  ids of the numbered options of the last reply (empty unless it asked which one)
     * @param handoffOffered whether the last reply offered a person
     * @param lastMessage    the last user message, normalized ("" before the first)
     * @param repeats        how many times in a row before that message it had been sent already
     */
    public record Context(String answeredFaqId, List<String> offeredFaqIds, boolean handoffOffered,
                          String lastMessage, int repeats) {
        /** Nothing said yet. */
        public static final Context NONE = new Context(null, List.of(), false, "", 0);

        public Context {
            offeredFaqIds = List.copyOf(offeredFaqIds);
            Objects.requireNonNull(lastMessage, "lastMessage");
            if (repeats < 0) {
                throw new IllegalArgumentException("repeats must be >= 0, was " + repeats);
            }
        }

        static Context of(Decision decision, String text, int repeats) {
            if (decision instanceof Decision.Answer a) {
                return new Context(a.entry().id(), List.of(), a.offerHandoff(), text, repeats);
            }
            if (decision instanceof Decision.Clarify c) {
                return new Context(null, c.options().stream().map(e -> e.id()).toList(), false, text, repeats);
            }
            if (decision instanceof Decision.Fallback f) {
                return new Context(null, List.of(), f.offerHandoff(), text, repeats);
            }
            if (decision instanceof Decision.Notice n) {
                return new Context(null, List.of(), n.offerHandoff(), text, repeats);
            }
            return new Context(null, List.of(), false, text, repeats);
        }
    }
}
