package dev.kefu.channel.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the messaging channels keep: which platform user is which conversation, which inbound
 * messages were already answered (platforms resend), the signature nonces seen, and the outbox.
 * User ids are passed as the platform sends them; a durable implementation stores them
 * {@linkplain UserPseudonyms pseudonymized}. Implementations are thread-safe.
 */
public interface ChannelStore {
    /** The conversation of {@code userId} on {@code channel}, if it has one. */
    Optional<String> conversationOf(String channel, String userId);

    /**
     * The conversation of {@code userId} on {@code channel}; when it has none, an empty conversation
     * numbered {@code newConversationId} is started and linked to it. First messages of one user that
     * arrive together (on one instance or several) all get the same conversation.
     */
    String conversationFor(String channel, String userId, String newConversationId);

    /** What was stored for {@code key}: empty when no turn answered it yet. */
    Optional<Answered> answered(InboundKey key);

    /**
     * Runs {@code work}; the turn it records (on this thread) is kept together with {@code key}, in
     * one transaction, so that a crash keeps both or neither.
     *
     * @throws AlreadyAnswered when another request stored {@code key} first; the turn was rolled back
     */
    <T> T answering(InboundKey key, Supplier<T> work);

    /** Stores the reply sent for {@code key}, so that a resend gets the very same bytes. */
    void answer(InboundKey key, String reply);

    /**
     * True the first time {@code nonce} is seen on {@code channel} within {@code window} of
     * {@code now}; false for a replay. Nonces older than the window are forgotten.
     */
    boolean firstUse(String channel, String nonce, Instant now, Duration window);

    /**
     * Takes the messages due for delivery at {@code now}, oldest first, at most {@code limit}, and
     * for each user only the oldest one not yet delivered or dead-lettered, so that messages to one
     * user go out in order. Each is leased to the caller until {@code now + lease}, so that another
     * kefu instance on the same database does not send it too; a message neither delivered, failed
     * nor dead by then (the caller crashed) is due again.
     */
    List<OutboundMessage> take(Instant now, int limit, Duration lease);

    void delivered(long outboxId, Instant at);

    void failed(long outboxId, String error, Instant nextAttempt);

    /**
     * Gives up on a message: it is never sent, and its conversation's transcript gets a system line
     * {@code note} (what the agent reads) with the reason.
     */
    void dead(long outboxId, String note, Instant at);

    /** Outbox messages neither delivered nor dead-lettered. */
    long backlog();

    /** An inbound message's idempotency key: the platform, the user and the user's message id, and the text's digest. */
    record InboundKey(String channel, String userId, String messageId, String textDigest) {
        public InboundKey {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(textDigest, "textDigest");
        }
    }

    /** The stored turn of a key, and the reply sent for it (null when the sender crashed before storing it). */
    record Answered(String textDigest, String reply, StoredTurn turn) {
        public Answered {
            Objects.requireNonNull(textDigest, "textDigest");
            Objects.requireNonNull(turn, "turn");
        }
    }

    /** The bot's side of a stored turn, enough to answer a resend without a second turn. */
    record StoredTurn(String conversationId, String action, String intent, double confidence, String text,
                      String faqId, String reason, long botMessageId) {
        public StoredTurn {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The key was stored by another request while this one computed its turn (which is not kept). */
    final class AlreadyAnswered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyAnswered(InboundKey key) {
            super("message " + key.messageId() + " on " + key.channel() + " was answered already"); // no user id: personal data
        }
    }
}
