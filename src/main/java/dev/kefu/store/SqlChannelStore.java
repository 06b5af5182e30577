package dev.kefu.store;

import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.channel.webhook.OutboundMessage;
import dev.kefu.text.PiiMasker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Channel links, inbound idempotency keys and the outbox in SQL. Thread-safe. */
public final class SqlChannelStore implements ChannelStore {
    private final Database db;
    private final Clock clock;

    public SqlChannelStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> conversationOf(String channel, String userId) {
        return db.read(c -> linked(c, channel, userId));
    }

    /**
     * Starts the conversation (an empty row: no turn yet, version 1) and takes the link in one
     * transaction. When another request linked the user first, the link insert does nothing (on
     * PostgreSQL it waits for that request to commit), the empty conversation is dropped, and the
     * winner's conversation is read and returned. On SQLite the single writer runs the transactions
     * one after another, so the second one finds the link at once.
     */
    @Override
    public String conversationFor(String channel, String userId, String newConversationId) {
        return db.inTransaction(c -> {
            Optional<String> linked = linked(c, channel, userId);
            if (linked.isPresent()) {
                return linked.get();
            }
            long now = clock.millis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversations (id, created_at, updated_at, "
                    + "turns, consecutive_fallbacks, handed_off) VALUES (?, ?, ?, 0, 0, 0)")) {
                s.setString(1, newConversationId);
                s.setLong(2, now);
                s.setLong(3, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO channel_users (channel, user_id, conversation_id, "
                    + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, user_id) DO NOTHING")) {
                s.setString(1, channel);
                s.setString(2, userId);
                s.setString(3, newConversationId);
                s.setLong(4, now);
                if (s.executeUpdate() == 1) {
                    return newConversationId;
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
                s.setString(1, newConversationId);
                s.executeUpdate();
            }
            return linked(c, channel, userId).orElseThrow(() -> new IllegalStateException(
                    "the link of " + channel + " user " + new PiiMasker().mask(userId).text() + " was taken and then deleted"));
        });
    }

    private static Optional<String> linked(Connection c, String channel, String userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT conversation_id FROM channel_users WHERE channel = ? AND user_id = ?")) {
            s.setString(1, channel);
            s.setString(2, userId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Claim claim(String channel, String messageId, long staleAfterMillis) {
        return db.inTransaction(c -> {
            long now = clock.millis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbound_messages (channel, message_id, created_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (channel, message_id) DO NOTHING")) {
                s.setString(1, channel);
                s.setString(2, messageId);
                s.setLong(3, now);
                if (s.executeUpdate() == 1) {
                    return Claim.first();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT reply, created_at FROM inbound_messages WHERE channel = ? AND message_id = ?")) {
                s.setString(1, channel);
                s.setString(2, messageId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    String reply = r.getString(1);
                    if (reply != null) {
                        return Claim.done(reply);
                    }
                    if (now - r.getLong(2) < staleAfterMillis) {
                        return Claim.busy();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE inbound_messages SET created_at = ? WHERE channel = ? "
                    + "AND message_id = ? AND reply IS NULL")) { // a claim abandoned by a crash: take it over
                s.setLong(1, now);
                s.setString(2, channel);
                s.setString(3, messageId);
                return s.executeUpdate() == 1 ? Claim.first() : Claim.busy();
            }
        });
    }

    @Override
    public void answer(String channel, String messageId, String reply) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE inbound_messages SET reply = ? WHERE channel = ? AND message_id = ?")) {
                s.setString(1, reply);
                s.setString(2, channel);
                s.setString(3, messageId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<OutboundMessage> take(Instant now, int limit, Duration lease) {
        // PostgreSQL: rows another instance is taking right now are skipped, not waited for (SQLite
        // has one writer at a time, so there is nothing to skip).
        String lock = db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return db.inTransaction(c -> {
            List<OutboundMessage> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, channel, user_id, conversation_id, text, attempts "
                    + "FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?" + lock)) {
                s.setLong(1, now.toEpochMilli());
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new OutboundMessage(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getInt(6)));
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

    @Override
    public void delivered(long outboxId, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, outboxId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void failed(long outboxId, String error, Instant nextAttempt) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
                s.setLong(2, nextAttempt.toEpochMilli());
                s.setLong(3, outboxId);
                return s.executeUpdate();
            }
        });
    }
}
