package dev.kefu.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for a person. {@code priority} 0 goes first (a stolen account, a failed payment);
 * {@code agent}, {@code claimedAt}, {@code closedAt} and {@code note} are null until they apply;
 * {@code number} is the short sequential number people call it by (#1024).
 */
public record HandoffTicket(String ticketId, String conversationId, TicketStatus status, String reason,
                            String intent, int priority, Instant createdAt, Instant claimedAt, Instant closedAt,
                            String agent, String note, long number) {
    public HandoffTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
