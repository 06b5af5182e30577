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
 * Deletes conversations with everything attached to them: transcript (with its decision log and
 * review outcomes), tickets, platform link,
 * inbound idempotency keys and undelivered outbox messages. Used by {@code kefu purge --conversation ID} and by the retention
 * setting (transcripts older than N days). A conversation found old is deleted only if it is still
 * old when it is deleted: the first statement of its transaction raises its version on the
 * condition that it was not updated since the cutoff, which also holds its row (PostgreSQL) or the
 * write lock (SQLite) until the rest is deleted, and makes a turn computed meanwhile start again.
 * After a purge by age, SQLite gives the freed pages back to the file system. Thread-safe.
 */
public final class Retention {
    private static final List<String> CHILDREN = List.of(
            "DELETE FROM feedback WHERE conversation_id = ?",
            "DELETE FROM review_outcomes WHERE conversation_id = ?",
            "DELETE FROM messages WHERE conversation_id = ?",
            "DELETE FROM ticket_notes WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id = ?)",
            "DELETE FROM ticket_tags WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id = ?)",
            "DELETE FROM tickets WHERE conversation_id = ?",
            "DELETE FROM channel_users WHERE conversation_id = ?",
            "DELETE FROM inbound_messages WHERE conversation_id = ?",
            "DELETE FROM outbox WHERE conversation_id = ?",
            "DELETE FROM conversations WHERE id = ?");
    private static final String CLAIM_IF_OLD = "UPDATE conversations SET version = version + 1 WHERE id = ? AND updated_at < ?";
    private static final String CLAIM = "UPDATE conversations SET version = version + 1 WHERE id = ?";

    private final Database db;

    public Retention(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Deletes one conversation; false when there was no such conversation. */
    public boolean purge(String conversationId) {
        return db.inTransaction(c -> delete(c, conversationId, null));
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
        int purged = purgeIfStillOld(old, cutoff);
        if (purged > 0) {
            db.giveBackFreeSpace();
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

    /**
     * Deletes those of {@code ids} that are still not updated since {@code cutoff} (a conversation
     * that received a turn after it was listed stays); returns how many.
     */
    public int purgeIfStillOld(List<String> ids, Instant cutoff) {
        int purged = 0;
        for (String id : ids) {
            purged += db.inTransaction(c -> delete(c, id, cutoff)) ? 1 : 0;
        }
        return purged;
    }

    /** Deletes the conversation if it exists (and, with a {@code cutoff}, was not updated since). */
    private static boolean delete(Connection c, String conversationId, Instant cutoff) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(cutoff == null ? CLAIM : CLAIM_IF_OLD)) {
            claim.setString(1, conversationId);
            if (cutoff != null) {
                claim.setLong(2, cutoff.toEpochMilli());
            }
            if (claim.executeUpdate() == 0) {
                return false;
            }
        }
        for (String sql : CHILDREN) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, conversationId);
                s.executeUpdate();
            }
        }
        return true;
    }
}
