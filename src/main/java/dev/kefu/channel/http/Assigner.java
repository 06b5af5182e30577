package dev.kefu.channel.http;

import dev.kefu.handoff.Assignments;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.store.StoreException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs auto-assignment when something changed (a ticket opened or ended, an agent came online,
 * chats were released) and tells agents and widgets about every ticket it moved. A failed run is
 * logged, never thrown at the request that caused it: the periodic run catches up. Thread-safe.
 */
final class Assigner {
    private static final Logger LOG = LoggerFactory.getLogger(Assigner.class);
    private final Assignments assignments;
    private final Live live;

    Assigner(Assignments assignments, Live live) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.live = Objects.requireNonNull(live, "live");
    }

    /** Assigns what can be assigned now. */
    void assign() {
        try {
            announce(assignments.assignWaiting());
        } catch (StoreException e) {
            LOG.warn("auto-assignment failed, the next run retries: {}", e.getMessage());
        }
    }

    /** Puts {@code agent}'s chats back in the queue (all, or those awaiting a reply), then assigns. */
    List<HandoffTicket> release(String agent, boolean awaitingReplyOnly) {
        List<HandoffTicket> released = assignments.release(agent, awaitingReplyOnly);
        announce(released);
        assign();
        return released;
    }

    Assignments assignments() {
        return assignments;
    }

    void announce(List<HandoffTicket> moved) {
        moved.forEach(live::ticketChanged);
    }
}
