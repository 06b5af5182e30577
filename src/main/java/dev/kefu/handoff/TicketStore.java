package dev.kefu.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets as agents work them. Every move is atomic: of two agents claiming one ticket exactly one
 * succeeds; the others get {@link TicketStatus.IllegalMove}. Implementations are thread-safe.
 */
public interface TicketStore {
    /**
     * The first {@code limit} tickets with {@code status} (of every status when null), in queue
     * order: priority, then age, then ticket id.
     */
    List<HandoffTicket> list(TicketStatus status, int limit);

    /**
     * At most {@code limit} ended tickets with one of {@code statuses} (none of them open), newest
     * {@code closedAt} first, then ticket id descending; only those past {@code before} when it is
     * not null.
     */
    TicketPage ended(Set<TicketStatus> statuses, int limit, TicketCursor before);

    /** How many tickets have {@code status}. */
    int count(TicketStatus status);

    Optional<HandoffTicket> find(String ticketId);

    /** Assigns a waiting ticket to {@code agent}. */
    HandoffTicket claim(String ticketId, String agent);

    /** Adds {@code agent}'s message to the conversation; the ticket must be assigned to that agent. */
    AgentMessage reply(String ticketId, String agent, String text);

    /** Closes an open ticket with an optional resolution note; the bot answers the conversation again. */
    HandoffTicket close(String ticketId, String agent, String note);

    /** Returns an open ticket's conversation to the bot. */
    HandoffTicket handBack(String ticketId, String agent);

    /** The digests of {@code tickets} for the queue list, by ticket id, in one query. */
    java.util.Map<String, TicketDigest> digests(List<HandoffTicket> tickets);

    /** {@code agent} has seen the conversation so far: its user messages no longer count as unread (for its assignee only). */
    void markRead(String ticketId, String agent);

    /**
     * Rates the service of the conversation's latest ticket that an agent closed in the last day: {@link
     * UnknownTicketException} when there is none, {@link TicketStatus.IllegalMove} when it is rated.
     */
    Satisfaction rate(String conversationId, int stars, String comment);

    /** The rating of a ticket, if the customer gave one. */
    Optional<Satisfaction> satisfaction(String ticketId);

    /** Mean time from creation to claim of the last {@code n} claimed tickets, in seconds; empty without history. */
    Optional<Double> recentWaitSeconds(int n);

    /**
     * What agents' live streams carried after {@code since}, oldest first, at most {@code limit}:
     * each ticket moved since (once, with its status now) and each user or agent message of a
     * conversation while it had a ticket open. A stream that reconnects is sent these.
     */
    List<DeskEvent> eventsAfter(Instant since, int limit);
}
