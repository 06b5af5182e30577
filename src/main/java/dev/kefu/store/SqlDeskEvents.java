package dev.kefu.store;

import dev.kefu.handoff.DeskEvent;
import dev.kefu.handoff.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads back what agents' live streams carried after a time ({@link dev.kefu.handoff.TicketStore#eventsAfter}).
 * Both queries start from the tickets open at some point after that time (a table of one row per
 * handoff), and read messages through their conversation index. Stateless and thread-safe.
 */
final class SqlDeskEvents {
    /** The time of a ticket's latest move. */
    private static final String MOVED = "CASE WHEN closed_at IS NOT NULL THEN closed_at WHEN claimed_at IS NOT NULL "
            + "THEN claimed_at ELSE created_at END";
    private static final String TICKETS = "SELECT id, conversation_id, status, " + MOVED + " AS moved FROM tickets "
            + "WHERE (closed_at IS NULL OR closed_at > ?) AND " + MOVED + " > ? ORDER BY moved, id LIMIT ?";
    /** After the ticket's opening: the message that opened it went to the bot, and the ticket event tells of it. */
    private static final String LINES = "SELECT t.id, m.conversation_id, m.role, m.text, m.created_at FROM tickets t "
            + "JOIN messages m ON m.conversation_id = t.conversation_id AND m.created_at > t.created_at "
            + "AND (t.closed_at IS NULL OR m.created_at <= t.closed_at) "
            + "WHERE (t.closed_at IS NULL OR t.closed_at > ?) AND m.created_at > ? AND m.role IN ('user', 'agent') "
            + "ORDER BY m.created_at, m.id LIMIT ?";

    private SqlDeskEvents() {
    }

    static List<DeskEvent> after(Connection c, Instant since, int limit) throws SQLException {
        List<DeskEvent> events = new ArrayList<>();
        try (PreparedStatement s = statement(c, TICKETS, since, limit); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                events.add(new DeskEvent.TicketChanged(r.getString(1), r.getString(2), TicketStatus.ofWire(r.getString(3)),
                        Instant.ofEpochMilli(r.getLong(4))));
            }
        }
        try (PreparedStatement s = statement(c, LINES, since, limit); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                events.add(new DeskEvent.Line(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        Instant.ofEpochMilli(r.getLong(5))));
            }
        }
        // stable: at one millisecond, a ticket's move comes before the messages it allowed
        events.sort(Comparator.comparing(DeskEvent::time));
        return List.copyOf(events.subList(0, Math.min(limit, events.size())));
    }

    private static PreparedStatement statement(Connection c, String sql, Instant since, int limit) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setLong(1, since.toEpochMilli());
        s.setLong(2, since.toEpochMilli());
        s.setInt(3, limit);
        return s;
    }
}
