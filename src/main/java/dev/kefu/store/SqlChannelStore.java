package dev.kefu.store;

import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.channel.webhook.OutboundMessage;
import dev.kefu.channel.webhook.UserPseudonyms;
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
import java.util.function.Supplier;

/**
 * Channel links, inbound idempotency keys (written in the transaction of the turn they answer, see
 * {@link TurnScope}), signature nonces and, through {@link SqlOutbox}, the outbox in SQL. A
 * platform user id is never stored as sent: tables hold its {@linkplain UserPseudonyms#pseudonym
 * pseudonym}, and the link holds it {@linkplain UserPseudonyms#seal sealed} for the outbox to
 * deliver to. Thread-safe.
 */
public final class SqlChannelStore implements ChannelStore {
    private final Database db;
    private final Clock clock;
    private final UserPseudonyms users;
    private final SqlOutbox outbox;

    /** {@code users} from {@link ServerKeys#userPseudonyms}: the key every instance on {@code db} shares. */
    public SqlChannelStore(Database db, Clock clock, UserPseudonyms users) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.users = Objects.requireNonNull(users, "users");
        this.outbox = new SqlOutbox(db, users);
    }

    @Override
    public Optional<String> conversationOf(String channel, String userId) {
        return db.read(c -> linked(c, channel, users.pseudonym(channel, userId)));
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
        String user = users.pseudonym(channel, userId);
        return db.inTransaction(c -> {
            Optional<String> linked = linked(c, channel, user);
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
                    + "created_at, address) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, user_id) DO NOTHING")) {
                s.setString(1, channel);
                s.setString(2, user);
                s.setString(3, newConversationId);
                s.setLong(4, now);
                s.setString(5, users.seal(userId));
                if (s.executeUpdate() == 1) {
                    return newConversationId;
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
                s.setString(1, newConversationId);
                s.executeUpdate();
            }
            return linked(c, channel, user).orElseThrow(() -> new IllegalStateException(
                    "the link of " + channel + " user " + user + " was taken and then deleted"));
        });
    }

    /**
     * Rows written before user ids were pseudonymized (V30) hold the raw id: each gets its
     * pseudonym, and a link or a reply still to deliver its sealed address. Run at start; it finds
     * nothing to do once done, and several instances may run it at once. Returns the rows changed.
     */
    public int pseudonymizeOldRows() {
        return db.inTransaction(c -> {
            int changed = 0;
            // An older instance still running may have written a raw row for a user a newer one had
            // linked already: the newer row is kept, the raw one dropped (a link's conversation stays
            // until retention, without a platform user).
            for (String[] row : rawIds(c, "SELECT channel, user_id, 'link' FROM channel_users WHERE address IS NULL")) {
                String pseudonym = users.pseudonym(row[0], row[1]);
                changed += update(c, "DELETE FROM channel_users WHERE channel = ? AND user_id = ? AND EXISTS (SELECT 1 "
                        + "FROM channel_users p WHERE p.channel = ? AND p.user_id = ?)", row[0], row[1], row[0], pseudonym);
                changed += update(c, "UPDATE channel_users SET user_id = ?, address = ? WHERE channel = ? AND user_id = ?",
                        pseudonym, users.seal(row[1]), row[0], row[1]);
            }
            for (String[] row : rawIds(c, "SELECT DISTINCT channel, user_id, 'key' FROM inbound_messages "
                    + "WHERE user_id NOT LIKE 'u1.%'")) {
                String pseudonym = users.pseudonym(row[0], row[1]);
                changed += update(c, "DELETE FROM inbound_messages WHERE channel = ? AND user_id = ? AND message_id IN "
                        + "(SELECT message_id FROM inbound_messages WHERE channel = ? AND user_id = ?)", row[0], row[1],
                        row[0], pseudonym);
                changed += update(c, "UPDATE inbound_messages SET user_id = ? WHERE channel = ? AND user_id = ?",
                        pseudonym, row[0], row[1]);
            }
            for (String[] row : rawIds(c, "SELECT channel, user_id, CASE WHEN delivered_at IS NULL AND dead_at IS NULL "
                    + "THEN 'pending' ELSE 'settled' END, id FROM outbox WHERE user_id NOT LIKE 'u1.%'")) {
                changed += update(c, "UPDATE outbox SET user_id = ?, address = ? WHERE id = ?", users.pseudonym(row[0],
                        row[1]), row[2].equals("pending") ? users.seal(row[1]) : null, Long.parseLong(row[3]));
            }
            return changed;
        });
    }

    /** The rows of {@code sql} (channel, user id, kind[, id]) whose user id is not a pseudonym. */
    private static List<String[]> rawIds(Connection c, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                if (!UserPseudonyms.isPseudonym(row[1])) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    s.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    s.setObject(i + 1, values[i]);
                }
            }
            return s.executeUpdate();
        }
    }

    private static Optional<String> linked(Connection c, String channel, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT conversation_id FROM channel_users WHERE channel = ? AND user_id = ?")) {
            s.setString(1, channel);
            s.setString(2, user);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Answered> answered(InboundKey key) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT text_digest, reply, conversation_id, action, intent, "
                    + "confidence, text, faq_id, reason, bot_message_id FROM inbound_messages "
                    + "WHERE channel = ? AND user_id = ? AND message_id = ?")) {
                s.setString(1, key.channel());
                s.setString(2, users.pseudonym(key.channel(), key.userId()));
                s.setString(3, key.messageId());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Answered(r.getString(1), r.getString(2), new StoredTurn(r.getString(3),
                            r.getString(4), r.getString(5), r.getDouble(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getLong(10)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public <T> T answering(InboundKey key, Supplier<T> work) {
        return db.turns().with((c, conversationId, reply, botMessageId) -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbound_messages (channel, user_id, message_id, "
                    + "text_digest, conversation_id, action, intent, confidence, text, faq_id, reason, bot_message_id, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (channel, user_id, message_id) DO NOTHING")) {
                s.setString(1, key.channel());
                s.setString(2, users.pseudonym(key.channel(), key.userId()));
                s.setString(3, key.messageId());
                s.setString(4, key.textDigest());
                s.setString(5, conversationId);
                s.setString(6, reply.action().wireName());
                s.setString(7, reply.intent());
                s.setDouble(8, reply.confidence());
                s.setString(9, reply.text());
                s.setString(10, reply.faqId());
                s.setString(11, reply.reason());
                s.setLong(12, botMessageId);
                s.setLong(13, clock.millis());
                if (s.executeUpdate() == 0) { // on PostgreSQL after waiting for the request that inserted it
                    throw new AlreadyAnswered(key);
                }
            }
        }, work);
    }

    @Override
    public void answer(InboundKey key, String reply) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE inbound_messages SET reply = ? WHERE channel = ? AND user_id = ? AND message_id = ?")) {
                s.setString(1, reply);
                s.setString(2, key.channel());
                s.setString(3, users.pseudonym(key.channel(), key.userId()));
                s.setString(4, key.messageId());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean firstUse(String channel, String nonce, Instant now, Duration window) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM webhook_nonces WHERE seen_at < ?")) {
                s.setLong(1, now.minus(window).toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_nonces (channel, nonce, seen_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (channel, nonce) DO NOTHING")) {
                s.setString(1, channel);
                s.setString(2, nonce);
                s.setLong(3, now.toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<OutboundMessage> take(Instant now, int limit, Duration lease) {
        return outbox.take(now, limit, lease);
    }

    @Override
    public void delivered(long outboxId, Instant at) {
        outbox.delivered(outboxId, at);
    }

    @Override
    public void failed(long outboxId, String error, Instant nextAttempt) {
        outbox.failed(outboxId, error, nextAttempt);
    }

    @Override
    public void dead(long outboxId, String note, Instant at) {
        outbox.dead(outboxId, note, at);
    }

    @Override
    public long backlog() {
        return outbox.backlog();
    }
}
