package dev.kefu.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * Something agents' live streams carry, as it can be read back from storage for a stream that
 * reconnects: a ticket that changed, or a user or agent message while a ticket was open. Its
 * {@code time} is the stored one (epoch milliseconds), which the stream's event ids are made of.
 */
public sealed interface DeskEvent {
    Instant time();

    /** Ticket {@code ticketId} is now {@code status}; {@code time} is its latest move. */
    record TicketChanged(String ticketId, String conversationId, TicketStatus status, Instant time) implements DeskEvent {
        public TicketChanged {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(time, "time");
        }
    }

    /** A {@code user} or {@code agent} message of ticket {@code ticketId}'s conversation, as stored (masked). */
    record Line(String ticketId, String conversationId, String role, String text, Instant time) implements DeskEvent {
        public Line {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(time, "time");
        }
    }
}
