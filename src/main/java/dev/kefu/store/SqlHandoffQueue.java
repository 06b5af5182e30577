package dev.kefu.store;

import dev.kefu.dialog.Reply;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.QueueStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import dev.kefu.dialog.ConversationIds;

/**
 * Handoff tickets in SQL. Priority: 0 for urgent intents (a stolen account, a failed payment),
 * 1 otherwise; the queue is ordered by priority, then age. A partial unique index keeps one open
 * ticket per conversation even if two requests race. Thread-safe.
 */
public final class SqlHandoffQueue implements HandoffQueue {
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

    /** The open ticket of {@code conversationId} and its place in the queue. */
    Optional<QueueStatus> status(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.status, t.reason, CASE WHEN t.status = 'waiting' "
                + "THEN (SELECT COUNT(*) FROM tickets o WHERE o.status = 'waiting' AND (o.priority < t.priority "
                + "OR (o.priority = t.priority AND (o.created_at < t.created_at OR (o.created_at = t.created_at "
                + "AND o.id <= t.id))))) ELSE 0 END FROM tickets t WHERE t.conversation_id = ? "
                + "AND t.status IN ('waiting', 'assigned')")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int position = r.getInt(4);
                return Optional.of(new QueueStatus(r.getString(1), r.getString(2), position, r.getString(3),
                        position == 0 ? null : estimateWait(c, position)));
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
