package dev.kefu.store;

import dev.kefu.handoff.CannedReply;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.TicketNote;
import dev.kefu.handoff.UnknownTicketException;
import dev.kefu.handoff.Worksheets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canned replies, notes, tags and search in SQL. The text search scans the transcripts of ended
 * tickets with LIKE: fine for a desk's history, not for millions of conversations. Thread-safe.
 */
public final class SqlWorksheets implements Worksheets {
    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,12})");
    private static final String ENDED = "t.status IN ('closed', 'handed_back')";
    private final Database db;
    private final Clock clock;

    public SqlWorksheets(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<CannedReply> canned(String query, int limit) {
        String like = "%" + escape(query == null ? "" : query.strip()) + "%";
        return db.read(c -> {
            List<CannedReply> replies = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT shortcut, text FROM canned_replies WHERE shortcut LIKE ? "
                    + "ESCAPE '!' OR text LIKE ? ESCAPE '!' ORDER BY shortcut LIMIT ?")) {
                s.setString(1, like);
                s.setString(2, like);
                s.setInt(3, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        replies.add(new CannedReply(r.getString(1), r.getString(2)));
                    }
                }
            }
            return List.copyOf(replies);
        });
    }

    @Override
    public void saveCanned(CannedReply reply, String by) {
        db.inOneStatement(c -> update(c, "INSERT INTO canned_replies (shortcut, text, created_by, created_at) VALUES "
                + "(?, ?, ?, ?) ON CONFLICT (shortcut) DO UPDATE SET text = excluded.text, created_by = excluded.created_by, "
                + "created_at = excluded.created_at", reply.shortcut(), reply.text(), by, clock.millis()));
    }

    @Override
    public boolean removeCanned(String shortcut) {
        return db.inOneStatement(c -> update(c, "DELETE FROM canned_replies WHERE shortcut = ?", shortcut)) == 1;
    }

    @Override
    public TicketNote addNote(String ticketId, String author, String text) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        db.inTransaction(c -> {
            requireTicket(c, ticketId);
            return update(c, "INSERT INTO ticket_notes (ticket_id, author, text, created_at) VALUES (?, ?, ?, ?)",
                    ticketId, author, text, now.toEpochMilli());
        });
        return new TicketNote(author, text, now);
    }

    @Override
    public List<TicketNote> notes(String ticketId) {
        return db.read(c -> {
            List<TicketNote> notes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT author, text, created_at FROM ticket_notes "
                    + "WHERE ticket_id = ? ORDER BY id")) {
                s.setString(1, ticketId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        notes.add(new TicketNote(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
                    }
                }
            }
            return List.copyOf(notes);
        });
    }

    @Override
    public void setTags(String ticketId, Set<String> tags) {
        db.inTransaction(c -> {
            requireTicket(c, ticketId);
            update(c, "DELETE FROM ticket_tags WHERE ticket_id = ?", ticketId);
            for (String tag : tags) {
                update(c, "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)", ticketId, tag);
            }
            return null;
        });
    }

    @Override
    public List<String> tags(String ticketId) {
        return db.read(c -> {
            List<String> tags = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT tag FROM ticket_tags WHERE ticket_id = ? ORDER BY tag")) {
                s.setString(1, ticketId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tags.add(r.getString(1));
                    }
                }
            }
            return List.copyOf(tags);
        });
    }

    @Override
    public List<HandoffTicket> earlier(HandoffTicket ticket, int limit) {
        return query("SELECT " + columns() + " FROM tickets t WHERE t.conversation_id = ? AND t.id <> ? "
                + "ORDER BY t.created_at DESC LIMIT ?", ticket.conversationId(), ticket.ticketId(), limit);
    }

    @Override
    public List<HandoffTicket> search(String query, int limit) {
        String q = query.strip();
        Matcher number = NUMBER.matcher(q);
        String order = " ORDER BY t.closed_at DESC, t.id DESC LIMIT ?";
        if (number.matches()) {
            return query("SELECT " + columns() + " FROM tickets t WHERE " + ENDED + " AND t.number = ?" + order,
                    Long.parseLong(number.group(1)), limit);
        }
        if (q.startsWith("tag:")) {
            return query("SELECT " + columns() + " FROM tickets t WHERE " + ENDED + " AND EXISTS (SELECT 1 FROM "
                    + "ticket_tags g WHERE g.ticket_id = t.id AND g.tag = ?)" + order, q.substring(4).strip(), limit);
        }
        return query("SELECT " + columns() + " FROM tickets t WHERE " + ENDED + " AND EXISTS (SELECT 1 FROM messages m "
                + "WHERE m.conversation_id = t.conversation_id AND m.text LIKE ? ESCAPE '!')" + order,
                "%" + escape(q) + "%", limit);
    }

    private List<HandoffTicket> query(String sql, Object... values) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return List.copyOf(SqlTicketStore.tickets(s));
            }
        });
    }

    private static String columns() {
        return "t." + SqlTicketStore.COLUMNS.replace(", ", ", t.");
    }

    private static void requireTicket(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tickets WHERE id = ?")) {
            s.setString(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new UnknownTicketException(ticketId);
                }
            }
        }
    }

    /** {@code text} with LIKE's wildcards taken literally (escape character '!'). */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
