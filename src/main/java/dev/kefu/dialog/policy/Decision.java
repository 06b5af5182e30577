package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.IntentScore;
import java.util.List;
import java.util.Objects;

/** What the policy decided for one message, with the reason and a detail for humans. */
public sealed interface Decision {
    /** The action taken. */
    Action action();

    /** Why. */
    Reason reason();

    /** The figures behind the reason, e.g. {@code "payment_failed 0.31 < 0.50"}. */
    String detail();

    /** Answer with an FAQ entry; {@code offerHandoff} adds an immediate offer of a person. */
    record Answer(IntentScore intent, FaqEntry entry, List<FaqEntry> related, boolean offerHandoff,
                  Reason reason, String detail) implements Decision {
        public Answer {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(entry, "entry");
            related = List.copyOf(related);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Action action() {
            return Action.ANSWER;
        }
    }

    /** Ask which of the numbered options the user means. */
    record Clarify(List<FaqEntry> options, Reason reason, String detail) implements Decision {
        public Clarify {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("clarify needs at least two options");
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Action action() {
            return Action.CLARIFY;
        }
    }

    /**
     * Say what the bot can help with; {@code offerHandoff} when it has failed often enough that it
     * offers a person in so many words (accepting with 「好的」 hands off).
     */
    record Fallback(List<FaqEntry> topics, boolean offerHandoff, Reason reason, String detail) implements Decision {
        public Fallback {
            topics = List.copyOf(topics);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** A fallback that does not offer a person yet. */
        public Fallback(List<FaqEntry> topics, Reason reason, String detail) {
            this(topics, false, reason, detail);
        }

        @Override
        public Action action() {
            return Action.FALLBACK;
        }
    }

    /**
     * A message of the bot's own, not an FAQ answer: the waiting handoff was cancelled, there was
     * nothing to cancel, or the steps given did not help and a person is offered.
     * {@code offerHandoff} when 「好的」 next hands off.
     */
    record Notice(IntentScore topic, boolean offerHandoff, Reason reason, String detail) implements Decision {
        public Notice {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Action action() {
            return Action.ANSWER;
        }
    }

    /**
     * Transfer to a human agent; {@code priority} puts the ticket first in the queue. {@code topic} is
     * the intent the handoff is about when it is not the message's own (a person accepted after a
     * stolen-account answer); null otherwise.
     */
    record Handoff(IntentScore topic, boolean priority, Reason reason, String detail) implements Decision {
        public Handoff {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** A handoff about the message's own intent. */
        public Handoff(boolean priority, Reason reason, String detail) {
            this(null, priority, reason, detail);
        }

        @Override
        public Action action() {
            return Action.HANDOFF;
        }
    }
}
