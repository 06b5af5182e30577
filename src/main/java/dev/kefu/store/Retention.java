package dev.kefu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes conversations with everything attached to them: transcript, tickets, platform link,
 * inbound idempotency keys and undelivered outbox messages. Used by {@code kefu purge --conversation ID} and by the retention
 * setting (transcripts older than N days). Thread-safe.
 */
public final class Retention {
    private static final List<String> CHILDREN = List.of(
            "DELETE FROM feedback WHERE conversation_id = ?",
            "DELETE FROM messages WHERE conversation_id = ?",
            "DELETE FROM tickets WHERE conversation_id = ?",
            "DELETE FROM channel_users WHERE conversation_id = ?",
            "DELETE FROM inbound_messages WHERE conversation_id = ?",
            "DELETE FROM outbox WHERE conversation_id = ?",
            "DELETE FROM conversations WHERE id = ?");

    private final Database db;

    public Retention(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Deletes one conversation; false when there was no such conversation. */
    public boolean purge(String conversationId) {
        return db.inTransaction(c -> delete(c, conversationId));
    }

    /** Deletes every conversation not updated since {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        List<String> old = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM conversations WHERE updated_at < ?")) {
                s.setLong(1, cutoff.toEpochMilli());
                List<String> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                return ids;
            }
        });
        int purged = 0;
        for (String id : old) {
            purged += purge(id) ? 1 : 0;
        }
        // the idempotency keys of conversations that go on: a platform resends within minutes, not days
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM inbound_messages WHERE created_at < ?")) {
                s.setLong(1, cutoff.toEpochMilli());
                return s.executeUpdate();
            }
        });
        return purged;
    }

    private static boolean delete(Connection c, String conversationId) throws SQLException {
        int conversations = 0;
        for (String sql : CHILDREN) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, conversationId);
                conversations = s.executeUpdate(); // the last statement deletes the conversation itself
            }
        }
        return conversations == 1;
    }
}
