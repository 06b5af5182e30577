package dev.kefu.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * What the queue list shows of a ticket besides its status: the channel ({@code web},
 * {@code wechat}, {@code generic}), the customer's platform user id (null for a web visitor),
 * the last message of the conversation (masked, as stored; null when none) with its role and time,
 * and how many user messages the assigned agent has not opened yet.
 */
public record TicketDigest(String channel, String customer, String lastText, String lastRole, Instant lastAt,
                           int unread) {
    public TicketDigest {
        Objects.requireNonNull(channel, "channel");
        if (unread < 0) {
            throw new IllegalArgumentException("unread must be >= 0, was " + unread);
        }
    }
}
