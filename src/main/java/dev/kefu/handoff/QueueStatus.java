package dev.kefu.handoff;

import java.util.Objects;

/**
 * Where a conversation's open ticket stands: its id, its status ({@code waiting} or
 * {@code assigned}), its place in the queue (1 = next; 0 once assigned), why it was opened, and
 * the estimated wait in seconds (null when there is not enough history to estimate). Positions
 * are counted up to {@value #MAX_POSITION}: that value means "that far back or further".
 * {@code agentName} is the display name of the agent who has the ticket (null while waiting): the
 * customer sees who is helping them.
 */
public record QueueStatus(String ticketId, String status, int position, String reason, Integer estimatedWaitSeconds,
                          String agentName) {
    /** The largest position reported. */
    public static final int MAX_POSITION = 500;

    public QueueStatus {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
    }
}
