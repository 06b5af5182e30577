package dev.kefu.store;

import dev.kefu.studio.review.Review;
import dev.kefu.studio.review.ReviewException;
import dev.kefu.studio.review.ReviewItem;
import dev.kefu.studio.review.ReviewStore;
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
import java.util.stream.Collectors;

/**
 * The review inbox in SQL: bot lines of the last {@link #WINDOW} (the decision log's time index
 * finds them) that missed, each with the user line it answered, its 👎, and the first agent line
 * after it (there is one only when the conversation was handed off later: what the person answered
 * where the bot could not); minus the user lines in {@code review_outcomes} (migration V61).
 * Thread-safe.
 */
public final class SqlReviewStore implements ReviewStore {
    /** How far back the inbox looks: older misses are either reviewed or no longer what users ask. */
    public static final Duration WINDOW = Duration.ofDays(30);
    private static final String PENDING = """
            SELECT u.id, u.conversation_id, u.created_at, u.text, b.action, b.reason, b.confidence, b.answer_score,
                b.faq_id, CASE WHEN f.helpful = 0 THEN 1 ELSE 0 END,
                (SELECT a.text FROM messages a WHERE a.id = (SELECT MIN(q.id) FROM messages q
                    WHERE q.conversation_id = b.conversation_id AND q.role = 'agent' AND q.id > b.id))
            FROM messages b
            JOIN messages u ON u.id = (SELECT MAX(p.id) FROM messages p WHERE p.conversation_id = b.conversation_id
                AND p.role = 'user' AND p.id < b.id)
            LEFT JOIN feedback f ON f.message_id = b.id
            WHERE b.decision IS NOT NULL AND b.created_at >= ? AND b.role = 'bot'
                AND (b.action = 'fallback' OR (b.action = 'handoff' AND b.reason NOT IN (%s)) OR f.helpful = 0
                    OR (b.action = 'answer' AND b.answer_score < ?))
                AND NOT EXISTS (SELECT 1 FROM review_outcomes r WHERE r.message_id = u.id)
            ORDER BY b.created_at DESC, b.id DESC LIMIT ?""".formatted(
            NOT_A_MISS.stream().sorted().map(r -> "'" + r + "'").collect(Collectors.joining(", ")));
    private static final String RECORD = """
            INSERT INTO review_outcomes (message_id, conversation_id, outcome, faq_id, reviewer, comment, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";

    private final Database db;
    private final Clock clock;

    public SqlReviewStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ReviewItem> pending(double threshold, int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(PENDING)) {
                s.setLong(1, clock.instant().minus(WINDOW).toEpochMilli());
                s.setDouble(2, threshold);
                s.setInt(3, limit);
                List<ReviewItem> items = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        double score = r.getDouble(8);
                        Double answerScore = r.wasNull() ? null : score;
                        items.add(new ReviewItem(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                                r.getString(4), r.getString(5), r.getString(6), r.getDouble(7), answerScore,
                                r.getString(9), r.getInt(10) == 1, r.getString(11)));
                    }
                }
                return List.copyOf(items);
            }
        });
    }

    @Override
    public void record(Review review) {
        db.inTransaction(c -> {
            for (long id : review.messageIds()) {
                insert(c, review, id, conversationOfUserLine(c, id));
            }
            return null;
        });
    }

    private static String conversationOfUserLine(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT conversation_id FROM messages WHERE id = ? AND role = 'user'")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ReviewException(id, false, "messageIds: " + id + " is not a user message of any transcript");
                }
                return r.getString(1);
            }
        }
    }

    private static void insert(Connection c, Review review, long id, String conversationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setLong(1, id);
            s.setString(2, conversationId);
            s.setString(3, review.outcome().wireName());
            s.setString(4, review.faqId());
            s.setString(5, review.reviewer());
            s.setString(6, review.comment());
            s.setLong(7, review.at().toEpochMilli());
            if (s.executeUpdate() == 0) {
                throw new ReviewException(id, true, "messageIds: " + id + " was reviewed already");
            }
        }
    }
}
