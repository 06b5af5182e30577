package dev.kefu.store;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.DecisionRecord;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.StaleTurnException;
import dev.kefu.dialog.conversation.TranscriptMessage;
import dev.kefu.dialog.conversation.Transcripts;
import dev.kefu.dialog.conversation.Turn;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.text.PiiMasker;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Conversations and transcripts in SQL. A turn is one transaction: the conversation row is written
 * first (which takes SQLite's write lock at once, so the transaction never has to upgrade a read
 * lock), then the user's and the bot's messages, then a ticket when the reply hands off.
 *
 * <p>The row is written only over the version the turn was computed from (optimistic concurrency):
 * a first turn inserts version 1 unless the row exists, a later one updates {@code WHERE version =}
 * the version read and raises it by one. When no row is written the turn throws
 * {@link StaleTurnException} before anything else of it is written, and its transaction is rolled
 * back: alone, inside a group commit on SQLite. Every other writer of the row raises the version
 * too (a trigger, migration V10_1). Thread-safe.
 */
public final class SqlConversationStore implements ConversationStore, Transcripts {
    /** A conversation's first turn: refused (no row inserted) when the conversation exists already. */
    private static final String INSERT = """
            INSERT INTO conversations (turns, consecutive_fallbacks, last_intent, handed_off, answered_faq_id,
                offered_faq_ids, handoff_offered, last_message, repeats, privacy_warned, updated_at, version, id,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";
    /** A later turn: refused (no row updated) unless the stored version is still the one the turn was computed from. */
    private static final String UPDATE = """
            UPDATE conversations SET turns = ?, consecutive_fallbacks = ?, last_intent = ?, handed_off = ?,
                answered_faq_id = ?, offered_faq_ids = ?, handoff_offered = ?, last_message = ?, repeats = ?,
                privacy_warned = ?, updated_at = ?, version = ?
            WHERE id = ? AND version = ?""";
    /** The state, and whether an agent has claimed its open ticket (the partial unique index finds it). */
    private static final String SELECT_STATE = """
            SELECT turns, consecutive_fallbacks, last_intent, handed_off, answered_faq_id, offered_faq_ids,
                handoff_offered, last_message, repeats, updated_at, privacy_warned, version,
                CASE WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = conversations.id
                    AND t.status IN ('waiting', 'assigned') AND t.status = 'assigned') THEN 1 ELSE 0 END
            FROM conversations WHERE id = ?""";
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (conversation_id, role, text, action, intent, confidence, reason, faq_id, created_at,
                decision, answer_score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final PiiMasker MASKER = new PiiMasker();

    private final Database db;
    private final LongAdder refused = new LongAdder();
    private final SqlHandoffQueue tickets;

    public SqlConversationStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.tickets = new SqlHandoffQueue(db);
    }

    @Override
    public Optional<ConversationState> find(String conversationId) {
        return db.read(c -> find(c, SELECT_STATE, conversationId));
    }

    private static Optional<ConversationState> find(Connection c, String select, String conversationId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(state(r)) : Optional.empty();
            }
        }
    }

    private static ConversationState state(ResultSet r) throws SQLException {
        String offered = r.getString(6);
        ConversationState.Context context = new ConversationState.Context(r.getString(5),
                offered == null || offered.isEmpty() ? List.of() : List.of(offered.split(",")), r.getInt(7) != 0,
                r.getString(8) == null ? "" : r.getString(8), r.getInt(9));
        return new ConversationState(r.getInt(1), r.getInt(2), r.getString(3), r.getInt(4) != 0, context,
                Instant.ofEpochMilli(r.getLong(10)), r.getInt(11) != 0, r.getInt(12), r.getInt(13) != 0);
    }

    /**
     * PostgreSQL, a turn without a handoff: the conversation insert or update ({@code %1$s}) and both
     * transcript lines ({@code %2$s} adds the bot's) in one statement, run in autocommit. One round
     * trip instead of six (BEGIN, write, two inserts, their keys, COMMIT); the lines are numbered in
     * VALUES order, so the user's comes first. A refused write returns no row and inserts no line.
     */
    private static final String TURN_IN_ONE_STATEMENT = "WITH conversation AS (%1$s RETURNING id) "
            + "INSERT INTO messages (conversation_id, role, text, action, intent, confidence, reason, faq_id, created_at, "
            + "decision, answer_score) "
            + "SELECT conversation.id, line.role, line.text, line.action, line.intent, line.confidence, line.reason, "
            + "line.faq_id, line.created_at, line.decision, line.answer_score FROM conversation, (VALUES (1, 'user', "
            + "CAST(? AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS TEXT), "
            + "CAST(NULL AS TEXT), CAST(? AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS DOUBLE PRECISION))"
            + "%2$s) AS line (n, role, text, action, intent, confidence, reason, faq_id, created_at, decision, answer_score) "
            + "ORDER BY line.n RETURNING id, role";
    private static final String WITH_BOT_LINE = ", (2, 'bot', ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public long record(String conversationId, Turn turn) {
        String decision = json(turn);
        TurnScope.Hook hook = db.turns().current(); // read here: on SQLite the transaction runs on the writer thread
        if (hook != null) {
            return countingRefusals(() -> db.inTransaction(c -> hooked(c, conversationId, turn, hook,
                    recordInSteps(c, conversationId, turn, decision))));
        }
        return countingRefusals(() -> db.dialect() == Database.Dialect.POSTGRESQL && inOneStatement(turn)
                ? db.inOneStatement(c -> recordInOneStatement(c, conversationId, turn, decision))
                : db.inTransaction(c -> recordInSteps(c, conversationId, turn, decision)));
    }

    /** Runs the thread's {@link TurnScope} work after the turn, in its transaction; returns the bot message id. */
    private static long hooked(Connection c, String conversationId, Turn turn, TurnScope.Hook hook, long botMessage)
            throws SQLException {
        if (hook != null) {
            hook.recorded(c, conversationId, turn.reply(), botMessage);
        }
        return botMessage;
    }

    /**
     * PostgreSQL: the row is read {@code FOR UPDATE}, so that another instance's turn waits for this
     * transaction and then finds the version raised; the turn is computed while the lock is held (a
     * millisecond or so). Only for a turn that lost a race: the normal turn takes no lock. SQLite
     * has one process, whose turns {@code ChatEngine} runs one at a time: the default suffices.
     */
    @Override
    public Recorded recordLocked(String conversationId, Function<ConversationState, Turn> compute) {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return ConversationStore.super.recordLocked(conversationId, compute);
        }
        TurnScope.Hook hook = db.turns().current();
        return countingRefusals(() -> db.inTransaction(c -> {
            Turn turn = compute.apply(find(c, SELECT_STATE + " FOR UPDATE", conversationId)
                    .orElse(ConversationState.NEW));
            return new Recorded(turn, hooked(c, conversationId, turn, hook, inOneStatement(turn)
                    ? recordInOneStatement(c, conversationId, turn, json(turn))
                    : recordInSteps(c, conversationId, turn, json(turn))));
        }));
    }

    /** Whether {@code turn} fits {@link #TURN_IN_ONE_STATEMENT}: no ticket to open or cancel, no earlier message to mask. */
    private static boolean inOneStatement(Turn turn) {
        return turn.reply().handoff() == null && !turn.endsPreviousCard() && !cancels(turn);
    }

    /** Whether {@code turn} cancels the handoff its conversation waits for (「取消转人工」). */
    private static boolean cancels(Turn turn) {
        return turn.reply().reason().equals(Reason.HANDOFF_CANCELLED.wireName());
    }

    /** Runs {@code write}, counting the turn it refuses as stale ({@link #refusedTurns}). */
    private <T> T countingRefusals(Supplier<T> write) {
        try {
            return write.get();
        } catch (StaleTurnException stale) {
            refused.increment();
            throw stale;
        }
    }

    @Override
    public long refusedTurns() {
        return refused.sum();
    }

    /** The turn in several statements, inside the caller's transaction. */
    private long recordInSteps(Connection c, String conversationId, Turn turn, String decision) throws SQLException {
        write(c, conversationId, turn);
        if (turn.endsPreviousCard()) {
            maskCardStartOfLastUserMessage(c, conversationId);
        }
        long at = turn.at().toEpochMilli();
        insertMessage(c, conversationId, new Line("user", turn.userText(), null, null, null), at);
        Reply reply = turn.reply();
        long botMessage = 0;
        if (!reply.text().isEmpty()) {
            botMessage = insertMessage(c, conversationId, new Line("bot", reply.text(), reply, decision,
                    answerScore(reply, turn.decision())), at);
        }
        if (reply.handoff() != null) {
            tickets.openIfNone(c, conversationId, reply, at);
        }
        if (cancels(turn) && !tickets.cancelWaiting(c, conversationId, at)) {
            // an agent claimed the ticket after the turn was computed: computed again, the message goes to them
            throw new StaleTurnException(conversationId);
        }
        return botMessage;
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

    private static long recordInOneStatement(Connection c, String id, Turn turn, String decision) throws SQLException {
        Reply reply = turn.reply();
        boolean bot = !reply.text().isEmpty();
        long at = turn.at().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement(TURN_IN_ONE_STATEMENT.formatted(
                turn.after().version() == 0 ? INSERT : UPDATE, bot ? WITH_BOT_LINE : ""))) {
            bindWrite(s, id, turn);
            s.setString(15, turn.userText());
            s.setLong(16, at);
            if (bot) {
                s.setString(17, reply.text());
                s.setString(18, reply.action().wireName());
                s.setString(19, reply.intent());
                s.setDouble(20, reply.confidence());
                s.setString(21, reply.reason());
                s.setString(22, reply.faqId());
                s.setLong(23, at);
                s.setString(24, decision);
                setScore(s, 25, answerScore(reply, turn.decision()));
            }
            long botMessage = 0;
            boolean written = false;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    written = true;
                    botMessage = r.getString(2).equals("bot") ? r.getLong(1) : botMessage;
                }
            }
            if (!written) {
                throw new StaleTurnException(id);
            }
            return botMessage;
        }
    }

    /** Writes the conversation row of {@code turn}, or throws when the stored version is not the one it was computed from. */
    private static void write(Connection c, String id, Turn turn) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(turn.after().version() == 0 ? INSERT : UPDATE)) {
            bindWrite(s, id, turn);
            if (s.executeUpdate() == 0) {
                throw new StaleTurnException(id);
            }
        }
    }

    /** Sets the 14 parameters of {@link #INSERT} or {@link #UPDATE}: the state, then the four that differ. */
    private static void bindWrite(PreparedStatement s, String id, Turn turn) throws SQLException {
        ConversationState state = turn.after();
        long at = turn.at().toEpochMilli();
        s.setInt(1, state.turns());
        s.setInt(2, state.consecutiveFallbacks());
        s.setString(3, state.lastIntent());
        s.setInt(4, state.handedOff() ? 1 : 0);
        ConversationState.Context context = state.context();
        s.setString(5, context.answeredFaqId());
        s.setString(6, context.offeredFaqIds().isEmpty() ? null : String.join(",", context.offeredFaqIds()));
        s.setInt(7, context.handoffOffered() ? 1 : 0);
        s.setString(8, context.lastMessage());
        s.setInt(9, context.repeats());
        s.setInt(10, state.privacyWarned() ? 1 : 0);
        s.setLong(11, at);
        s.setInt(12, state.version() + 1);
        s.setString(13, id);
        if (state.version() == 0) {
            s.setLong(14, at); // created_at
        } else {
            s.setInt(14, state.version()); // the version the turn was computed from
        }
    }

    /** The first part of a card number that the last user message ended with, masked (see {@link Turn#endsPreviousCard}). */
    private static void maskCardStartOfLastUserMessage(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, text FROM messages WHERE id = (SELECT MAX(id) "
                + "FROM messages WHERE conversation_id = ? AND role = 'user')")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE messages SET text = ? WHERE id = ?")) {
                    u.setString(1, MASKER.maskCardStart(r.getString(2)));
                    u.setLong(2, r.getLong(1));
                    u.executeUpdate();
                }
            }
        }
    }

    /**
     * One transcript line of a turn: the bot's carries its reply, its decision record as JSON and the
     * score of the entry it answered with; the user's none of them.
     */
    private record Line(String role, String text, Reply reply, String decision, Double answerScore) {
    }

    /**
     * The decision record of {@code turn} as stored, or null. Written before the transaction starts:
     * on SQLite the transaction runs on the one writer thread, which should only write.
     */
    private static String json(Turn turn) {
        return turn.decision() == null ? null : turn.decision().toJson();
    }

    /** The score of the entry {@code reply} answered with, from its decision record; null when it answered none. */
    private static Double answerScore(Reply reply, DecisionRecord decision) {
        return decision == null || reply.faqId() == null ? null : decision.scoreOf(reply.faqId());
    }

    private static void setScore(PreparedStatement s, int index, Double score) throws SQLException {
        if (score == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, score);
        }
    }

    /** Inserts one transcript line and returns its id. */
    private static long insertMessage(Connection c, String id, Line line, long at) throws SQLException {
        Reply reply = line.reply();
        try (PreparedStatement s = c.prepareStatement(INSERT_MESSAGE, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, id);
            s.setString(2, line.role());
            s.setString(3, line.text());
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
            s.setString(10, line.decision());
            setScore(s, 11, line.answerScore());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
