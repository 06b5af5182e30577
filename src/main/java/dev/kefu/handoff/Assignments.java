package dev.kefu.handoff;

import java.util.List;

/**
 * Who works which chat, beyond an agent's own claim: automatic assignment of waiting tickets to
 * online agents with free capacity, release back to the queue, transfer and unassign. Every move
 * is decided by the database, so several instances agree. Implementations are thread-safe.
 */
public interface Assignments {
    /**
     * Assigns waiting tickets, oldest of the highest priority first, each to the online agent with
     * the fewest open chats below their maximum (then by login), until either runs out; returns
     * the tickets assigned.
     */
    List<HandoffTicket> assignWaiting();

    /**
     * Puts {@code agent}'s assigned tickets back in the queue: all of them, or with
     * {@code awaitingReplyOnly} those where the user spoke after the agents. Returns them.
     */
    List<HandoffTicket> release(String agent, boolean awaitingReplyOnly);

    /**
     * Gives an assigned ticket to {@code to}. Unless {@code anyone} (an admin), only the agent who
     * has it may; {@link TicketStatus.IllegalMove} names who has it otherwise.
     */
    HandoffTicket transfer(String ticketId, String by, String to, boolean anyone);

    /** Puts an assigned ticket back in the queue; the same rule of who may as {@link #transfer}. */
    HandoffTicket unassign(String ticketId, String by, boolean anyone);
}
