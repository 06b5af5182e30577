package dev.kefu.store;

import dev.kefu.channel.webhook.OutboundMessage;
import dev.kefu.channel.webhook.UserPseudonyms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox in SQL: messages to platform users, taken in order per user, each ending delivered or
 * dead-lettered (with a system line in the transcript naming the reason). A row orders by the
 * user's pseudonym and holds the id to deliver to sealed, only until it is settled. Thread-safe.
 */
final class SqlOutbox {
    /** Due, and no older message to the same user is still pending: a failed first message holds back the second. */
    private static final String DUE = "SELECT id, channel, user_id, conversation_id, text, attempts, address FROM outbox o "
            + "WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM "
            + "outbox e WHERE e.channel = o.channel AND e.user_id = o.user_id AND e.id < o.id AND e.delivered_at IS NULL "
            + "AND e.dead_at IS NULL) ORDER BY id LIMIT ?";

    private final Database db;
    private final UserPseudonyms users;

    SqlOutbox(Database db, UserPseudonyms users) {
        this.db = db;
        this.users = users;
    }

    List<OutboundMessage> take(Instant now, int limit, Duration lease) {
        // PostgreSQL: rows another instance is taking right now are skipped, not waited for (SQLite
        // has one writer at a time, so there is nothing to skip). The NOT EXISTS still sees such a
        // row as pending, so the user's next message waits for it.
        String lock = db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return db.inTransaction(c -> {
            List<OutboundMessage> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(DUE + lock)) {
                s.setLong(1, now.toEpochMilli());
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String address = r.getString(7); // null only in a row older than V30 (see pseudonymizeOldRows)
                        due.add(new OutboundMessage(r.getLong(1), r.getString(2), address == null ? r.getString(3)
                                : users.open(address), r.getString(4), r.getString(5), r.getInt(6)));
                    }
                }
            }
            if (due.isEmpty()) {
                return due;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE id = ?")) {
                for (OutboundMessage message : due) {
                    s.setLong(1, now.plus(lease).toEpochMilli());
                    s.setLong(2, message.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return due;
        });
    }

    void delivered(long outboxId, Instant at) {
        update("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL, address = NULL "
                + "WHERE id = ?",
                at.toEpochMilli(), outboxId);
    }

    void failed(long outboxId, String error, Instant nextAttempt) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                s.setString(1, clip(error));
                s.setLong(2, nextAttempt.toEpochMilli());
                s.setLong(3, outboxId);
                return s.executeUpdate();
            }
        });
    }

    void dead(long outboxId, String note, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                    + "dead_at = ?, address = NULL WHERE id = ? AND dead_at IS NULL AND delivered_at IS NULL")) {
                s.setString(1, clip(note));
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, outboxId);
                if (s.executeUpdate() == 0) {
                    return 0; // delivered or dead already (another instance after a lease ran out)
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO messages (conversation_id, role, text, reason, "
                    + "created_at) SELECT conversation_id, 'system', ?, 'undelivered', ? FROM outbox WHERE id = ?")) {
                s.setString(1, note);
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, outboxId);
                return s.executeUpdate();
            }
        });
    }

    long backlog() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND dead_at IS NULL");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        });
    }

    private void update(String sql, long first, long second) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, first);
                s.setLong(2, second);
                return s.executeUpdate();
            }
        });
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
