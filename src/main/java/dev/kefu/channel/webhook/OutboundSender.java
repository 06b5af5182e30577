package dev.kefu.channel.webhook;

/** Delivers outbox messages to one platform. Implementations are thread-safe. */
public interface OutboundSender {
    /** The channel name this sender delivers for ({@code wechat}, {@code generic}). */
    String channel();

    /** Delivers {@code message}; throws {@link DeliveryException} when the platform did not accept it. */
    void send(OutboundMessage message);

    /** The platform refused or could not be reached; the outbox retries later. */
    final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeliveryException(String message) {
            super(message);
        }

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
