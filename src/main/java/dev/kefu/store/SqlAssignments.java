package dev.kefu.store;

import dev.kefu.handoff.Assignments;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assignment in SQL. Auto-assignment runs as one transaction that picks the next waiting ticket
 * and the least busy online agent, again and again; on PostgreSQL it first takes a transaction
 * lock that every instance's assigner asks for, so two instances never both fill an agent's last
 * free place (SQLite has one writer anyway). Other moves are conditional updates, like claims.
 * Thread-safe.
 */
public final class SqlAssignments implements Assignments {
    /** The key of PostgreSQL's advisory lock held while assigning: any constant shared by all instances. */
    private static final long ASSIGNER_LOCK = 19_019_019L;
    /** At most this many tickets per run: a run stays short, and the next run continues. */
    private static final int MAX_PER_RUN = 50;
    private static final String NEXT_WAITING = "SELECT id FROM tickets WHERE status = 'waiting' "
            + "ORDER BY priority, created_at, id LIMIT 1";
    private static final String LEAST_BUSY_AGENT = """
            SELECT a.login FROM agent_accounts a
            LEFT JOIN (SELECT agent, COUNT(*) AS open FROM tickets WHERE status = 'assigned' GROUP BY agent) o
              ON o.agent = a.login
            WHERE a.presence = 'online' AND a.removed_at IS NULL AND COALESCE(o.open, 0) < a.max_chats
            ORDER BY COALESCE(o.open, 0), a.login LIMIT 1""";
    /**
     * An assigned ticket whose user spoke last, of the user and the agents (the bot's handoff line
     * does not answer anyone): the user waits for a reply.
     */
    private static final String AWAITING_REPLY = " AND (SELECT m.role FROM messages m WHERE m.conversation_id = "
            + "tickets.conversation_id AND m.role IN ('user', 'agent') ORDER BY m.id DESC LIMIT 1) = 'user'";

    private final Database db;
    private final SqlTicketStore tickets;
    private final Clock clock;

    public SqlAssignments(Database db, SqlTicketStore tickets, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<HandoffTicket> assignWaiting() {
        List<String> assigned = db.inTransaction(c -> {
            if (db.dialect() == Database.Dialect.POSTGRESQL) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    s.setLong(1, ASSIGNER_LOCK);
                    s.executeQuery().close();
                }
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < MAX_PER_RUN; i++) {
                String ticket = first(c, NEXT_WAITING);
                String agent = ticket == null ? null : first(c, LEAST_BUSY_AGENT);
                if (agent == null) {
                    break;
                }
                update(c, "UPDATE tickets SET status = 'assigned', agent = ?, claimed_at = ?, read_message_id = NULL "
                        + "WHERE id = ? AND status = 'waiting'", agent, clock.millis(), ticket);
                // as a claim does: raises the conversation's version, so a bot answer computed meanwhile is redone
                update(c, "UPDATE conversations SET handed_off = 1 WHERE id = (SELECT conversation_id FROM tickets "
                        + "WHERE id = ?)", ticket);
                ids.add(ticket);
            }
            return ids;
        });
        return found(assigned);
    }

    @Override
    public List<HandoffTicket> release(String agent, boolean awaitingReplyOnly) {
        List<String> released = db.inTransaction(c -> {
            List<String> ids = ids(c, "SELECT id FROM tickets WHERE status = 'assigned' AND agent = ?"
                    + (awaitingReplyOnly ? AWAITING_REPLY : ""), agent);
            for (String id : ids) {
                toQueue(c, id);
            }
            return ids;
        });
        return found(released);
    }

    @Override
    public HandoffTicket transfer(String ticketId, String by, String to, boolean anyone) {
        db.inTransaction(c -> {
            String holder = requireHolder(ticketId, by, anyone, "transfer");
            if (first(c, "SELECT login FROM agent_accounts WHERE login = ? AND removed_at IS NULL", to) == null) {
                throw new TicketStatus.IllegalMove("cannot transfer: no agent " + to);
            }
            return requireMoved(update(c, "UPDATE tickets SET agent = ?, read_message_id = NULL WHERE id = ? "
                    + "AND status = 'assigned' AND agent = ?", to, ticketId, holder), "transfer");
        });
        return tickets.find(ticketId).orElseThrow();
    }

    @Override
    public HandoffTicket unassign(String ticketId, String by, boolean anyone) {
        db.inTransaction(c -> {
            String holder = requireHolder(ticketId, by, anyone, "unassign");
            return requireMoved(update(c, "UPDATE tickets SET status = 'waiting', agent = NULL, claimed_at = NULL, "
                    + "read_message_id = NULL WHERE id = ? AND status = 'assigned' AND agent = ?", ticketId, holder), "unassign");
        });
        return tickets.find(ticketId).orElseThrow();
    }

    /** A conditional update that changed nothing: another writer moved the ticket between our read and our write. */
    private static int requireMoved(int updated, String move) {
        if (updated == 0) {
            throw new TicketStatus.IllegalMove("cannot " + move + ": the ticket was just moved by someone else");
        }
        return updated;
    }

    /** Who has the ticket; it must be assigned, and to {@code by} unless {@code anyone} may move it. */
    private String requireHolder(String ticketId, String by, boolean anyone, String move) {
        HandoffTicket ticket = tickets.find(ticketId).orElseThrow(() -> new dev.kefu.handoff.UnknownTicketException(ticketId));
        if (ticket.status() != TicketStatus.ASSIGNED) {
            throw new TicketStatus.IllegalMove("cannot " + move + ": ticket is " + ticket.status().wireName());
        }
        if (!anyone && !by.equals(ticket.agent())) {
            throw new TicketStatus.IllegalMove("cannot " + move + ": ticket is assigned to " + ticket.agent());
        }
        return ticket.agent();
    }

    private static int toQueue(Connection c, String ticketId) throws SQLException {
        return update(c, "UPDATE tickets SET status = 'waiting', agent = NULL, claimed_at = NULL, read_message_id = NULL "
                + "WHERE id = ? AND status = 'assigned'", ticketId);
    }

    private List<HandoffTicket> found(List<String> ids) {
        return ids.stream().map(id -> tickets.find(id).orElseThrow()).toList();
    }

    private static String first(Connection c, String sql, Object... values) throws SQLException {
        List<String> ids = ids(c, sql, values);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
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
