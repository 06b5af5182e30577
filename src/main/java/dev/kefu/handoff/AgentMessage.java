package dev.kefu.handoff;

import java.time.Instant;
import java.util.Objects;

/** A message an agent sent into a conversation. */
public record AgentMessage(String ticketId, String conversationId, String agent, String text, Instant time) {
    public AgentMessage {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
    }
}
