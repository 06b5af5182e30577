package dev.kefu.store;

import dev.kefu.studio.review.DecisionLog;
import dev.kefu.studio.review.LoggedDecision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision log as {@link SqlConversationStore} writes it: the {@code decision} column of bot
 * lines (migration V60), each read with the user line it answered. The export streams: SQLite
 * reads rows as they are stepped, PostgreSQL fetches {@value #FETCH} rows at a time inside a
 * read-only transaction (its driver buffers whole results otherwise). Thread-safe.
 */
public final class SqlDecisionLog implements DecisionLog {
    private static final int FETCH = 500;
    /** The bot line's fields, and the text of the last user line before it in its conversation. */
    private static final String SELECT = """
            SELECT b.id, b.conversation_id, b.created_at, COALESCE((SELECT u.text FROM messages u WHERE u.id =
                (SELECT MAX(p.id) FROM messages p WHERE p.conversation_id = b.conversation_id AND p.role = 'user'
                AND p.id < b.id)), ''), b.text, b.faq_id, b.decision
            FROM messages b WHERE b.decision IS NOT NULL AND b.role = 'bot'""";

    private final Database db;

    public SqlDecisionLog(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<LoggedDecision> decision(long messageId, boolean handedOffOnly) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " AND b.id = ?" + (handedOffOnly
                    ? " AND EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = b.conversation_id)" : ""))) {
                s.setLong(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(logged(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void export(Instant from, Instant to, Sink sink) {
        db.read(c -> {
            boolean server = db.dialect() == Database.Dialect.POSTGRESQL;
            if (server) {
                c.setAutoCommit(false); // a cursor: PostgreSQL honours the fetch size only in a transaction
            }
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " AND b.created_at >= ? AND b.created_at < ? ORDER BY b.created_at, b.id")) {
                s.setFetchSize(FETCH);
                s.setLong(1, from.toEpochMilli());
                s.setLong(2, to.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(logged(r));
                    }
                }
                return null;
            } finally {
                if (server) {
                    c.rollback(); // read only: nothing to keep
                    c.setAutoCommit(true);
                }
            }
        });
    }

    private static LoggedDecision logged(ResultSet r) throws SQLException {
        return new LoggedDecision(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7));
    }
}
