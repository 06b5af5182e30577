package dev.kefu.store;

import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.QueueStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Handoff tickets in SQL. Priority: 0 for urgent intents (a stolen account, a failed payment),
 * 1 otherwise; the queue is ordered by priority, then age. A partial unique index keeps one open
 * ticket per conversation even if two requests race. Thread-safe.
 */
public final class SqlHandoffQueue implements HandoffQueue {
    /** The closing note of a ticket the user cancelled, as agents read it. */
    public static final String CANCELLED_NOTE = "用户已取消转人工";
    private final Database db;

    public SqlHandoffQueue(Database db) {
        this.db = db;
    }

    @Override
    public Optional<QueueStatus> status(String conversationId) {
        return db.read(c -> status(c, conversationId));
    }

    private static final int RECENT_CLAIMS = 20;

    /** Intents whose tickets go to the front of the queue. */
    static final Set<String> URGENT = Set.of("account_stolen", "payment_failed");

    /** Opens a waiting ticket for {@code conversationId} unless one is open; inside the caller's transaction. */
    void openIfNone(Connection c, String conversationId, Reply reply, long at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tickets (id, conversation_id, status, reason, "
                + "intent, priority, created_at) SELECT ?, ?, 'waiting', ?, ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM tickets WHERE conversation_id = ? AND status IN ('waiting', 'assigned')) "
                // two instances racing for the same conversation: the unique index lets one ticket in
                + "ON CONFLICT DO NOTHING")) {
            s.setString(1, ConversationIds.next());
            s.setString(2, conversationId);
            s.setString(3, reply.handoff().reason());
            s.setString(4, lastIntent(c, conversationId, reply));
            s.setInt(5, priority(c, conversationId, reply));
            s.setLong(6, at);
            s.setString(7, conversationId);
            s.executeUpdate();
        }
    }

    /**
     * Closes the waiting ticket of {@code conversationId}: the user cancelled it (「取消转人工」).
     * False when an agent has claimed it meanwhile (then it stays theirs); true when it was closed or
     * there was none.
     */
    boolean cancelWaiting(Connection c, String conversationId, long at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tickets SET status = 'closed', closed_at = ?, note = ? "
                + "WHERE conversation_id = ? AND status = 'waiting'")) {
            s.setLong(1, at);
            s.setString(2, CANCELLED_NOTE);
            s.setString(3, conversationId);
            if (s.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tickets WHERE conversation_id = ? AND status = "
                + "'assigned'")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                return !r.next();
            }
        }
    }

    /**
     * The open ticket of {@code conversationId} and its place in the queue, counted up to
     * {@value QueueStatus#MAX_POSITION} (counting is linear in the tickets ahead, and this runs on
     * every handed-off message).
     */
    Optional<QueueStatus> status(Connection c, String conversationId) throws SQLException {
        String id;
        String status;
        String reason;
        int priority;
        long createdAt;
        String agentName;
        try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.status, t.reason, t.priority, t.created_at, "
                + "COALESCE(a.display_name, t.agent) FROM tickets t LEFT JOIN agent_accounts a ON a.login = t.agent "
                + "WHERE t.conversation_id = ? AND t.status IN ('waiting', 'assigned')")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                id = r.getString(1);
                status = r.getString(2);
                reason = r.getString(3);
                priority = r.getInt(4);
                createdAt = r.getLong(5);
                agentName = r.getString(6);
            }
        }
        if (!status.equals("waiting")) {
            return Optional.of(new QueueStatus(id, status, 0, reason, null, agentName));
        }
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM tickets o WHERE "
                + "o.status = 'waiting' AND (o.priority < ? OR (o.priority = ? AND (o.created_at < ? "
                + "OR (o.created_at = ? AND o.id <= ?)))) LIMIT ?) AS ahead")) {
            s.setInt(1, priority);
            s.setInt(2, priority);
            s.setLong(3, createdAt);
            s.setLong(4, createdAt);
            s.setString(5, id);
            s.setInt(6, QueueStatus.MAX_POSITION);
            try (ResultSet r = s.executeQuery()) {
                int position = r.next() ? r.getInt(1) : 1;
                return Optional.of(new QueueStatus(id, status, position, reason, estimateWait(c, position), null));
            }
        }
    }

    /**
     * Position times the mean interval between the last {@value #RECENT_CLAIMS} claims: how fast
     * agents have recently been taking tickets off the queue. Null with fewer than two claims.
     */
    private static Integer estimateWait(Connection c, int position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MAX(claimed_at) - MIN(claimed_at) FROM "
                + "(SELECT claimed_at FROM tickets WHERE claimed_at IS NOT NULL ORDER BY claimed_at DESC LIMIT ?) AS recent")) {
            s.setInt(1, RECENT_CLAIMS);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getInt(1) < 2) {
                    return null;
                }
                double interval = r.getLong(2) / 1000.0 / (r.getInt(1) - 1);
                return (int) Math.round(interval * position);
            }
        }
    }

    private static String lastIntent(Connection c, String conversationId, Reply reply) throws SQLException {
        if (reply.intent() != null && !reply.intent().equals("human_agent") && !reply.intent().equals("oos")) {
            return reply.intent();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_intent FROM conversations WHERE id = ?")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static int priority(Connection c, String conversationId, Reply reply) throws SQLException {
        String intent = lastIntent(c, conversationId, reply);
        return reply.handoff().priority() || (intent != null && URGENT.contains(intent)) ? 0 : 1;
    }
}
