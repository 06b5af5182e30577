package dev.kefu.channel.webhook;

/** Delivers outbox messages to one platform. Implementations are thread-safe. */
public interface OutboundSender {
    /** The channel name this sender delivers for ({@code wechat}, {@code generic}). */
    String channel();

    /** Delivers {@code message}; throws {@link DeliveryException} when the platform did not accept it. */
    void send(OutboundMessage message);

    /**
     * The platform refused or could not be reached. A transient failure is retried later (up to the
     * outbox's attempt limit); a permanent one ({@link #permanent}) is dead-lettered at once, with
     * {@link #reason()} (what the agent reads) as its reason.
     */
    final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        public DeliveryException(String message) {
            super(message);
            this.reason = null;
        }

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
            this.reason = null;
        }

        private DeliveryException(String message, String reason) {
            super(message);
            this.reason = reason;
        }

        /** A refusal that no retry can change; {@code reason} is shown to the agent. */
        public static DeliveryException permanent(String message, String reason) {
            return new DeliveryException(message, java.util.Objects.requireNonNull(reason, "reason"));
        }

        public boolean permanent() {
            return reason != null;
        }

        /** What the agent reads about a permanent refusal; null for a transient failure. */
        public String reason() {
            return reason;
        }
    }
}
