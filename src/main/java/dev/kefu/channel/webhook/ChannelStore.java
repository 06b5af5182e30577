package dev.kefu.channel.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the messaging channels keep: which platform user is which conversation, which inbound
 * messages were already processed (platforms resend), and the outbox. Implementations are
 * thread-safe.
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

    /**
     * Claims an inbound message for processing. {@link Claim#first()} (mine) when nobody has seen it;
     * the stored reply when it was processed; {@link Claim#busy()} while another request processes
     * it. A claim left unanswered for {@code staleAfterMillis} (a crash) can be taken over.
     */
    Claim claim(String channel, String messageId, long staleAfterMillis);

    /** Stores the reply of a claimed message, so that a resend gets the same reply. */
    void answer(String channel, String messageId, String reply);

    /**
     * Takes the messages due for delivery at {@code now}, oldest first, at most {@code limit}: each
     * is leased to the caller until {@code now + lease}, so that another kefu instance on the same
     * database does not send it too. A message neither {@link #delivered} nor {@link #failed} by
     * then (the caller crashed) is due again.
     */
    List<OutboundMessage> take(Instant now, int limit, java.time.Duration lease);

    void delivered(long outboxId, Instant at);

    void failed(long outboxId, String error, Instant nextAttempt);

    /** Result of {@link #claim}. */
    record Claim(boolean mine, String reply) {
        /** Nobody processed the message yet: the caller does now. */
        public static Claim first() {
            return new Claim(true, null);
        }

        public static Claim busy() {
            return new Claim(false, null);
        }

        public static Claim done(String reply) {
            return new Claim(false, reply);
        }
    }
}
