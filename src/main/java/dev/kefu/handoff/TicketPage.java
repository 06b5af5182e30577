package dev.kefu.handoff;

import java.util.List;
import java.util.Objects;

/** One page of ended tickets, newest first, and where the next page starts (null on the last page). */
public record TicketPage(List<HandoffTicket> tickets, TicketCursor next) {
    public TicketPage {
        tickets = List.copyOf(Objects.requireNonNull(tickets, "tickets"));
    }
}
