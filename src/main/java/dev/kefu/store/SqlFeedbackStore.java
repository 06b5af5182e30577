package dev.kefu.store;

import dev.kefu.feedback.FaqFeedback;
import dev.kefu.feedback.FeedbackStore;
import dev.kefu.feedback.RatedAnswer;
import dev.kefu.feedback.Rating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ratings of answers in SQL: one row per rated bot message, replaced when rated again. The
 * per-FAQ counts join them with the answers in the transcripts. Thread-safe.
 */
public final class SqlFeedbackStore implements FeedbackStore {
    private static final String FIND_ANSWER = """
            SELECT id, faq_id FROM messages
            WHERE conversation_id = ? AND role = 'bot' AND faq_id IS NOT NULL
              AND (? IS NULL OR id = ?) AND (? IS NULL OR faq_id = ?)
            ORDER BY id DESC LIMIT 1""";
    private static final String UPSERT = """
            INSERT INTO feedback (message_id, conversation_id, faq_id, helpful, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at""";
    private static final String PER_FAQ = """
            SELECT m.faq_id, COUNT(*), COUNT(CASE WHEN f.helpful = 1 THEN 1 END), COUNT(CASE WHEN f.helpful = 0 THEN 1 END)
            FROM messages m LEFT JOIN feedback f ON f.message_id = m.id
            WHERE m.role = 'bot' AND m.faq_id IS NOT NULL
            GROUP BY m.faq_id
            ORDER BY 4 DESC, 2 DESC, m.faq_id""";

    private final Database db;

    public SqlFeedbackStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<RatedAnswer> rate(Rating rating, Instant at) {
        return db.inTransaction(c -> {
            Optional<RatedAnswer> answer = find(c, rating);
            if (answer.isPresent()) {
                try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                    s.setLong(1, answer.get().messageId());
                    s.setString(2, rating.conversationId());
                    s.setString(3, answer.get().faqId());
                    s.setInt(4, rating.helpful() ? 1 : 0);
                    s.setLong(5, at.toEpochMilli());
                    s.executeUpdate();
                }
            }
            return answer;
        });
    }

    private static Optional<RatedAnswer> find(Connection c, Rating rating) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND_ANSWER)) {
            s.setString(1, rating.conversationId());
            setNullable(s, 2, rating.messageId());
            setNullable(s, 3, rating.messageId());
            s.setString(4, rating.faqId());
            s.setString(5, rating.faqId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new RatedAnswer(rating.conversationId(), r.getLong(1), r.getString(2),
                        rating.helpful())) : Optional.empty();
            }
        }
    }

    private static void setNullable(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    @Override
    public List<FaqFeedback> perFaq() {
        return db.read(c -> {
            List<FaqFeedback> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(PER_FAQ); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new FaqFeedback(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4)));
                }
            }
            return List.copyOf(rows);
        });
    }
}
