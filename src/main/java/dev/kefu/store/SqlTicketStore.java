package dev.kefu.store;

import dev.kefu.handoff.AgentMessage;
import dev.kefu.handoff.DeskEvent;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.TicketCursor;
import dev.kefu.handoff.TicketPage;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.TicketStatus.Move;
import dev.kefu.handoff.TicketStore;
import dev.kefu.handoff.UnknownTicketException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets in SQL. Each move reads the ticket, checks the move against {@link TicketStatus} and
 * writes, in one transaction; the write is conditional on the status read, so a concurrent move
 * can never be applied twice. Closing or handing back also hands the conversation back to the bot.
 * Thread-safe.
 */
public final class SqlTicketStore implements TicketStore {
    static final String COLUMNS = "id, conversation_id, status, reason, intent, priority, created_at, "
            + "claimed_at, closed_at, agent, note, number";
    private static final String QUEUE_ORDER = " ORDER BY priority, created_at, id";
    /** The order of {@link #ended}, the same as its SQL's (ids compare as the database's text does). */
    private static final Comparator<HandoffTicket> NEWEST_ENDED_FIRST = Comparator
            .comparing(HandoffTicket::closedAt).thenComparing(HandoffTicket::ticketId).reversed();

    private final Database db;
    private final Clock clock;

    public SqlTicketStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<HandoffTicket> list(TicketStatus status, int limit) {
        requirePositive(limit);
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM tickets" + (status == null ? "" : " WHERE status = ?") + QUEUE_ORDER
                    + " LIMIT ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = 1;
                if (status != null) {
                    s.setString(next++, status.wireName());
                }
                s.setInt(next, limit);
                return List.copyOf(tickets(s));
            }
        });
    }

    /**
     * One query per status, each reading at most {@code limit + 1} rows backwards along the index
     * {@code tickets_ended (status, closed_at, id)}; merged here. The extra row tells whether a
     * next page exists.
     */
    @Override
    public TicketPage ended(Set<TicketStatus> statuses, int limit, TicketCursor before) {
        requirePositive(limit);
        if (statuses.isEmpty() || statuses.stream().anyMatch(TicketStatus::isOpen)) {
            throw new IllegalArgumentException("statuses must be ended ones, was " + statuses);
        }
        List<HandoffTicket> merged = db.read(c -> {
            List<HandoffTicket> all = new ArrayList<>();
            for (TicketStatus status : statuses) {
                all.addAll(ended(c, status, limit + 1, before));
            }
            return all;
        });
        merged.sort(NEWEST_ENDED_FIRST);
        if (merged.size() <= limit) {
            return new TicketPage(merged, null);
        }
        List<HandoffTicket> page = merged.subList(0, limit);
        return new TicketPage(page, TicketCursor.after(page.get(limit - 1)));
    }

    @Override
    public int count(TicketStatus status) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tickets WHERE status = ?")) {
                s.setString(1, status.wireName());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    private static List<HandoffTicket> ended(Connection c, TicketStatus status, int limit, TicketCursor before)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(endedQuery(before != null))) {
            int next = 1;
            s.setString(next++, status.wireName());
            if (before != null) {
                s.setLong(next++, before.closedAt().toEpochMilli());
                s.setLong(next++, before.closedAt().toEpochMilli());
                s.setString(next++, before.ticketId());
            }
            s.setInt(next, limit);
            return tickets(s);
        }
    }

    /** One page of ended tickets of one status; parameters: status, [closedAt, closedAt, id,] limit. */
    static String endedQuery(boolean withCursor) {
        return "SELECT " + COLUMNS + " FROM tickets WHERE status = ?"
                + (withCursor ? " AND (closed_at < ? OR (closed_at = ? AND id < ?))" : "")
                + " ORDER BY closed_at DESC, id DESC LIMIT ?";
    }

    static List<HandoffTicket> tickets(PreparedStatement s) throws SQLException {
        List<HandoffTicket> tickets = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                tickets.add(ticket(r));
            }
        }
        return tickets;
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
    }

    @Override
    public Optional<HandoffTicket> find(String ticketId) {
        return db.read(c -> find(c, ticketId));
    }

    @Override
    public HandoffTicket claim(String ticketId, String agent) {
        return db.inTransaction(c -> {
            HandoffTicket ticket = require(c, ticketId);
            requireClaimable(ticket);
            int claimed = update(c, "UPDATE tickets SET status = 'assigned', agent = ?, claimed_at = ? WHERE id = ? "
                    + "AND status = 'waiting'", agent, clock.millis(), ticketId);
            if (claimed == 0) { // another writer claimed it between our read and our write
                requireClaimable(require(c, ticketId));
                throw new TicketStatus.IllegalMove("cannot claim: already claimed");
            }
            // raises the conversation's version (trigger V10_1): a bot answer computed before the claim,
            // while the person was still on the way, is computed again and then stays silent
            update(c, "UPDATE conversations SET handed_off = 1 WHERE id = ?", ticket.conversationId());
            return require(c, ticketId);
        });
    }

    /** A claim of an assigned ticket is refused naming the agent who has it. */
    private static void requireClaimable(HandoffTicket ticket) {
        if (ticket.status() == TicketStatus.ASSIGNED) {
            throw new TicketStatus.IllegalMove("cannot claim: already claimed by " + ticket.agent());
        }
        ticket.status().after(Move.CLAIM);
    }

    @Override
    public AgentMessage reply(String ticketId, String agent, String text) {
        return db.inTransaction(c -> {
            HandoffTicket ticket = require(c, ticketId);
            ticket.status().after(Move.REPLY);
            if (!agent.equals(ticket.agent())) {
                throw new TicketStatus.IllegalMove("cannot reply: ticket is assigned to " + ticket.agent());
            }
            Instant now = Instant.ofEpochMilli(clock.millis()); // the transcript's precision, so live and stored times match
            update(c, "INSERT INTO messages (conversation_id, role, text, created_at, agent) VALUES (?, 'agent', ?, ?, ?)",
                    ticket.conversationId(), text, now.toEpochMilli(), agent);
            update(c, "UPDATE conversations SET updated_at = ? WHERE id = ?", now.toEpochMilli(), ticket.conversationId());
            // A conversation from a messaging platform gets the reply through the outbox, in this same transaction.
            // The user's id goes with it sealed, as the link keeps it (SqlChannelStore).
            update(c, "INSERT INTO outbox (channel, user_id, address, conversation_id, text, next_attempt_at, created_at) "
                    + "SELECT channel, user_id, address, conversation_id, ?, ?, ? FROM channel_users WHERE conversation_id = ?",
                    text, now.toEpochMilli(), now.toEpochMilli(), ticket.conversationId());
            return new AgentMessage(ticketId, ticket.conversationId(), agent, text, now);
        });
    }

    @Override
    public HandoffTicket close(String ticketId, String agent, String note) {
        return end(ticketId, agent, note, Move.CLOSE);
    }

    @Override
    public HandoffTicket handBack(String ticketId, String agent) {
        return end(ticketId, agent, null, Move.HAND_BACK);
    }

    /** The digest columns of tickets, by id; {@code ?} is the list of ids. */
    private static final String DIGESTS = """
            SELECT t.id, u.channel, u.user_id,
              (SELECT m.text FROM messages m WHERE m.conversation_id = t.conversation_id ORDER BY m.id DESC LIMIT 1),
              (SELECT m.role FROM messages m WHERE m.conversation_id = t.conversation_id ORDER BY m.id DESC LIMIT 1),
              (SELECT m.created_at FROM messages m WHERE m.conversation_id = t.conversation_id ORDER BY m.id DESC LIMIT 1),
              (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = t.conversation_id AND m.role = 'user'
                 AND m.created_at >= t.created_at AND m.id > COALESCE(t.read_message_id, 0))
            FROM tickets t LEFT JOIN channel_users u ON u.conversation_id = t.conversation_id
            WHERE t.id IN (%s)""";

    @Override
    public java.util.Map<String, dev.kefu.handoff.TicketDigest> digests(List<HandoffTicket> listed) {
        if (listed.isEmpty()) {
            return java.util.Map.of();
        }
        return db.read(c -> {
            java.util.Map<String, dev.kefu.handoff.TicketDigest> digests = new java.util.HashMap<>();
            String marks = String.join(", ", java.util.Collections.nCopies(listed.size(), "?"));
            try (PreparedStatement s = c.prepareStatement(DIGESTS.formatted(marks))) {
                for (int i = 0; i < listed.size(); i++) {
                    s.setString(i + 1, listed.get(i).ticketId());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String channel = r.getString(2);
                        digests.put(r.getString(1), new dev.kefu.handoff.TicketDigest(channel == null ? "web" : channel,
                                r.getString(3), r.getString(4), r.getString(5), instant(r, 6), r.getInt(7)));
                    }
                }
            }
            return digests;
        });
    }

    @Override
    public void markRead(String ticketId, String agent) {
        db.inOneStatement(c -> update(c, "UPDATE tickets SET read_message_id = (SELECT MAX(m.id) FROM messages m "
                + "WHERE m.conversation_id = tickets.conversation_id) WHERE id = ? AND agent = ? AND status = 'assigned'",
                ticketId, agent));
    }

    @Override
    public dev.kefu.handoff.Satisfaction rate(String conversationId, int stars, String comment) {
        return db.inTransaction(c -> {
            String ticketId;
            try (PreparedStatement s = c.prepareStatement("SELECT id, satisfaction FROM tickets WHERE conversation_id = ? "
                    + "AND status = 'closed' AND agent IS NOT NULL AND closed_at > ? ORDER BY closed_at DESC, id DESC LIMIT 1")) {
                s.setString(1, conversationId);
                // asked right after the close: a "5" a week later is a new message, not a rating
                s.setLong(2, clock.millis() - java.time.Duration.ofDays(1).toMillis());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new UnknownTicketException("closed by an agent in conversation " + conversationId);
                    }
                    ticketId = r.getString(1);
                    r.getInt(2);
                    if (!r.wasNull()) {
                        throw new TicketStatus.IllegalMove("cannot rate: this service was rated already");
                    }
                }
            }
            if (update(c, "UPDATE tickets SET satisfaction = ?, satisfaction_comment = ?, rated_at = ? WHERE id = ? "
                    + "AND satisfaction IS NULL", stars, comment, clock.millis(), ticketId) == 0) {
                throw new TicketStatus.IllegalMove("cannot rate: this service was rated already");
            }
            return new dev.kefu.handoff.Satisfaction(ticketId, stars, comment);
        });
    }

    @Override
    public Optional<dev.kefu.handoff.Satisfaction> satisfaction(String ticketId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT satisfaction, satisfaction_comment FROM tickets "
                    + "WHERE id = ? AND satisfaction IS NOT NULL")) {
                s.setString(1, ticketId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new dev.kefu.handoff.Satisfaction(ticketId, r.getInt(1), r.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Double> recentWaitSeconds(int n) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT AVG(claimed_at - created_at) FROM (SELECT claimed_at, "
                    + "created_at FROM tickets WHERE claimed_at IS NOT NULL ORDER BY claimed_at DESC LIMIT ?) AS recent")) {
                s.setInt(1, n);
                try (ResultSet r = s.executeQuery()) {
                    double millis = r.next() ? r.getDouble(1) : 0;
                    return r.wasNull() ? Optional.empty() : Optional.of(millis / 1000.0);
                }
            }
        });
    }

    private HandoffTicket end(String ticketId, String agent, String note, Move move) {
        return db.inTransaction(c -> {
            HandoffTicket ticket = require(c, ticketId);
            TicketStatus next = ticket.status().after(move);
            long now = clock.millis();
            int ended = update(c, "UPDATE tickets SET status = ?, closed_at = ?, note = ?, agent = COALESCE(agent, ?) "
                    + "WHERE id = ? AND status IN ('waiting', 'assigned')", next.wireName(), now, note, agent, ticketId);
            if (ended == 0) { // ended by another writer between our read and our write
                require(c, ticketId).status().after(move);
            }
            // what the user said to the person does not count as repeating it to the bot afterwards
            update(c, "UPDATE conversations SET handed_off = 0, consecutive_fallbacks = 0, last_message = '', repeats = 0, "
                    + "updated_at = ? WHERE id = ?", now, ticket.conversationId());
            return require(c, ticketId);
        });
    }

    @Override
    public List<DeskEvent> eventsAfter(Instant since, int limit) {
        return db.read(c -> SqlDeskEvents.after(c, since, limit));
    }

    private static HandoffTicket require(Connection c, String ticketId) throws SQLException {
        return find(c, ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    }

    private static Optional<HandoffTicket> find(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")) {
            s.setString(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(ticket(r)) : Optional.empty();
            }
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

    private static HandoffTicket ticket(ResultSet r) throws SQLException {
        return new HandoffTicket(r.getString(1), r.getString(2), TicketStatus.ofWire(r.getString(3)), r.getString(4),
                r.getString(5), r.getInt(6), Instant.ofEpochMilli(r.getLong(7)), instant(r, 8), instant(r, 9),
                r.getString(10), r.getString(11), r.getLong(12));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
