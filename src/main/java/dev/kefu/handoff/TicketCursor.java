package dev.kefu.handoff;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Where a page of ended tickets continues: the tickets that ended strictly before this one, in
 * the order newest {@code closedAt} first, then ticket id descending. On the wire it is
 * {@code <closedAt ISO-8601>|<ticketId>}, e.g. {@code 2026-11-26T08:15:30.125Z|0193…}.
 */
public record TicketCursor(Instant closedAt, String ticketId) {
    /** Longest ticket id a cursor may carry (ids are 36-character UUIDs). */
    private static final int MAX_ID = 100;

    public TicketCursor {
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(ticketId, "ticketId");
        if (ticketId.isBlank() || ticketId.length() > MAX_ID) {
            throw new IllegalArgumentException("ticketId must be 1-" + MAX_ID + " characters");
        }
    }

    /** The cursor just past {@code ticket}, which must have ended. */
    public static TicketCursor after(HandoffTicket ticket) {
        if (ticket.closedAt() == null) {
            throw new IllegalArgumentException("ticket " + ticket.ticketId() + " has not ended");
        }
        return new TicketCursor(ticket.closedAt(), ticket.ticketId());
    }

    /** Parses {@link #wire()}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static TicketCursor parse(String wire) {
        int bar = wire.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("expected <closedAt ISO-8601>|<ticketId>, found no '|'");
        }
        Instant closedAt;
        try {
            closedAt = Instant.parse(wire.substring(0, bar));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("closedAt must be an ISO-8601 instant such as 2026-11-26T08:15:30.125Z");
        }
        return new TicketCursor(closedAt, wire.substring(bar + 1));
    }

    /** {@code <closedAt ISO-8601>|<ticketId>}. */
    public String wire() {
        return closedAt + "|" + ticketId;
    }
}
