package dev.kefu.handoff;

import java.util.List;
import java.util.Set;

/**
 * What agents keep beside the transcript: the team's canned replies, internal notes and tags on
 * tickets, and the search of ended tickets. Texts arrive masked. Implementations are thread-safe.
 */
public interface Worksheets {
    /** Canned replies whose shortcut or text contains {@code query} (all when blank), by shortcut, at most {@code limit}. */
    List<CannedReply> canned(String query, int limit);

    /** Adds or replaces the reply of {@code reply.shortcut()}. */
    void saveCanned(CannedReply reply, String by);

    /** Removes a canned reply; false when there was none. */
    boolean removeCanned(String shortcut);

    /** Adds a note to a ticket ({@link UnknownTicketException} when there is none). */
    TicketNote addNote(String ticketId, String author, String text);

    /** A ticket's notes, oldest first. */
    List<TicketNote> notes(String ticketId);

    /** Replaces a ticket's tags. */
    void setTags(String ticketId, Set<String> tags);

    /** A ticket's tags, sorted. */
    List<String> tags(String ticketId);

    /** The other tickets of the same conversation: the customer's earlier conversations with agents, newest first. */
    List<HandoffTicket> earlier(HandoffTicket ticket, int limit);

    /**
     * Ended tickets, newest first, at most {@code limit}: by number ({@code #1024} or {@code 1024}),
     * by tag ({@code tag:退款}), else whose transcript contains {@code query}.
     */
    List<HandoffTicket> search(String query, int limit);
}
