package dev.kefu.store;

import dev.kefu.dialog.ConversationState;
import dev.kefu.dialog.ConversationStore;
import dev.kefu.dialog.Reply;
import dev.kefu.dialog.TranscriptMessage;
import dev.kefu.dialog.Transcripts;
import dev.kefu.dialog.Turn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations and transcripts in SQL. A turn is one transaction: the conversation row is written
 * first (which takes SQLite's write lock at once, so the transaction never has to upgrade a read
 * lock), then the user's and the bot's messages, then a ticket when the reply hands off.
 * Thread-safe.
 */
public final class SqlConversationStore implements ConversationStore, Transcripts {
    private static final String UPSERT = """
            INSERT INTO conversations (id, created_at, updated_at, turns, consecutive_fallbacks, last_intent, handed_off,
                answered_faq_id, offered_faq_ids, handoff_offered, last_message, repeats, privacy_warned)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, turns = excluded.turns,
                consecutive_fallbacks = excluded.consecutive_fallbacks, last_intent = excluded.last_intent,
                handed_off = excluded.handed_off, answered_faq_id = excluded.answered_faq_id,
                offered_faq_ids = excluded.offered_faq_ids, handoff_offered = excluded.handoff_offered,
                last_message = excluded.last_message, repeats = excluded.repeats,
                privacy_warned = excluded.privacy_warned""";
    private static final String SELECT_STATE = """
            SELECT turns, consecutive_fallbacks, last_intent, handed_off, answered_faq_id, offered_faq_ids,
                handoff_offered, last_message, repeats, updated_at, privacy_warned
            FROM conversations WHERE id = ?""";
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (conversation_id, role, text, action, intent, confidence, reason, faq_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Database db;
    private final SqlHandoffQueue tickets;

    public SqlConversationStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.tickets = new SqlHandoffQueue(db);
    }

    @Override
    public Optional<ConversationState> find(String conversationId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT_STATE)) {
                s.setString(1, conversationId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(state(r)) : Optional.empty();
                }
            }
        });
    }

    private static ConversationState state(ResultSet r) throws SQLException {
        String offered = r.getString(6);
        ConversationState.Context context = new ConversationState.Context(r.getString(5),
                offered == null || offered.isEmpty() ? List.of() : List.of(offered.split(",")), r.getInt(7) != 0,
                r.getString(8) == null ? "" : r.getString(8), r.getInt(9));
        return new ConversationState(r.getInt(1), r.getInt(2), r.getString(3), r.getInt(4) != 0, context,
                Instant.ofEpochMilli(r.getLong(10)), r.getInt(11) != 0);
    }

    /**
     * PostgreSQL, a turn without a handoff: the conversation upsert and both transcript lines in one
     * statement, run in autocommit. One round trip instead of six (BEGIN, upsert, two inserts, their
     * keys, COMMIT); the lines are numbered in VALUES order, so the user's comes first.
     */
    private static final String TURN_IN_ONE_STATEMENT = "WITH conversation AS (" + UPSERT + " RETURNING id) "
            + "INSERT INTO messages (conversation_id, role, text, action, intent, confidence, reason, faq_id, created_at) "
            + "SELECT conversation.id, line.role, line.text, line.action, line.intent, line.confidence, line.reason, "
            + "line.faq_id, line.created_at FROM conversation, (VALUES (1, 'user', CAST(? AS TEXT), CAST(NULL AS TEXT), "
            + "CAST(NULL AS TEXT), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(? AS BIGINT))"
            + "%s) AS line (n, role, text, action, intent, confidence, reason, faq_id, created_at) ORDER BY line.n "
            + "RETURNING id, role";
    private static final String WITH_BOT_LINE = ", (2, 'bot', ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public long record(String conversationId, Turn turn) {
        if (db.dialect() == Database.Dialect.POSTGRESQL && turn.reply().handoff() == null) {
            return db.inOneStatement(c -> recordInOneStatement(c, conversationId, turn));
        }
        return db.inTransaction(c -> {
            upsert(c, conversationId, turn);
            long at = turn.at().toEpochMilli();
            insertMessage(c, conversationId, "user", turn.userText(), null, at);
            Reply reply = turn.reply();
            long botMessage = 0;
            if (!reply.text().isEmpty()) {
                botMessage = insertMessage(c, conversationId, "bot", reply.text(), reply, at);
            }
            if (reply.handoff() != null) {
                tickets.openIfNone(c, conversationId, reply, at);
            }
            return botMessage;
        });
    }

    @Override
    public Optional<List<TranscriptMessage>> transcript(String conversationId) {
        return db.read(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM conversations WHERE id = ?")) {
                exists.setString(1, conversationId);
                if (!exists.executeQuery().next()) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, role, text, created_at, action, intent, "
                    + "confidence, reason, faq_id, agent FROM messages WHERE conversation_id = ? ORDER BY id")) {
                s.setString(1, conversationId);
                List<TranscriptMessage> messages = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        double confidence = r.getDouble(7);
                        messages.add(new TranscriptMessage(r.getLong(1), r.getString(2), r.getString(3),
                                Instant.ofEpochMilli(r.getLong(4)), r.getString(5), r.getString(6),
                                r.wasNull() ? null : confidence, r.getString(8), r.getString(9), r.getString(10)));
                    }
                }
                return Optional.of(List.copyOf(messages));
            }
        });
    }

    private static long recordInOneStatement(Connection c, String id, Turn turn) throws SQLException {
        Reply reply = turn.reply();
        boolean bot = !reply.text().isEmpty();
        long at = turn.at().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement(TURN_IN_ONE_STATEMENT.formatted(bot ? WITH_BOT_LINE : ""))) {
            bindUpsert(s, id, turn);
            s.setString(14, turn.userText());
            s.setLong(15, at);
            if (bot) {
                s.setString(16, reply.text());
                s.setString(17, reply.action().wireName());
                s.setString(18, reply.intent());
                s.setDouble(19, reply.confidence());
                s.setString(20, reply.reason());
                s.setString(21, reply.faqId());
                s.setLong(22, at);
            }
            long botMessage = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    botMessage = r.getString(2).equals("bot") ? r.getLong(1) : botMessage;
                }
            }
            return botMessage;
        }
    }

    private static void upsert(Connection c, String id, Turn turn) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            bindUpsert(s, id, turn);
            s.executeUpdate();
        }
    }

    /** Sets the 13 parameters of {@link #UPSERT}. */
    private static void bindUpsert(PreparedStatement s, String id, Turn turn) throws SQLException {
        ConversationState state = turn.after();
        long at = turn.at().toEpochMilli();
        s.setString(1, id);
        s.setLong(2, at);
        s.setLong(3, at);
        s.setInt(4, state.turns());
        s.setInt(5, state.consecutiveFallbacks());
        s.setString(6, state.lastIntent());
        s.setInt(7, state.handedOff() ? 1 : 0);
        ConversationState.Context context = state.context();
        s.setString(8, context.answeredFaqId());
        s.setString(9, context.offeredFaqIds().isEmpty() ? null : String.join(",", context.offeredFaqIds()));
        s.setInt(10, context.handoffOffered() ? 1 : 0);
        s.setString(11, context.lastMessage());
        s.setInt(12, context.repeats());
        s.setInt(13, state.privacyWarned() ? 1 : 0);
    }

    /** Inserts one transcript line and returns its id. */
    private static long insertMessage(Connection c, String id, String role, String text, Reply reply, long at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_MESSAGE, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, id);
            s.setString(2, role);
            s.setString(3, text);
            s.setString(4, reply == null ? null : reply.action().wireName());
            s.setString(5, reply == null ? null : reply.intent());
            if (reply == null) {
                s.setNull(6, Types.DOUBLE);
            } else {
                s.setDouble(6, reply.confidence());
            }
            s.setString(7, reply == null ? null : reply.reason());
            s.setString(8, reply == null ? null : reply.faqId());
            s.setLong(9, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
