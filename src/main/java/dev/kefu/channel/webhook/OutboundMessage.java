package dev.kefu.channel.webhook;

import java.util.Objects;

/** A message kefu owes a platform user (an agent's reply), as kept in the outbox. */
public record OutboundMessage(long id, String channel, String userId, String conversationId, String text, int attempts) {
    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(text, "text");
    }
}
