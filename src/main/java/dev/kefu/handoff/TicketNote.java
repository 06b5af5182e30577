package dev.kefu.handoff;

import java.time.Instant;
import java.util.Objects;

/** An internal note on a ticket: for agents only, never sent to the customer; {@code text} is masked. */
public record TicketNote(String author, String text, Instant at) {
    public TicketNote {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
