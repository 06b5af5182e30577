package dev.kefu.store;

import dev.kefu.report.DeskReport;
import dev.kefu.report.DeskReports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The desk's report in SQL: a handful of aggregate queries over the period. Thread-safe. */
public final class SqlDeskReports implements DeskReports {
    private static final String PERIOD = " BETWEEN ? AND ?";
    private static final String FIRST_RESPONSE = """
            SELECT AVG(first_reply - created_at) FROM (
              SELECT t.created_at, (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = t.conversation_id
                AND m.role = 'agent' AND m.created_at >= t.created_at
                AND (t.closed_at IS NULL OR m.created_at <= t.closed_at)) AS first_reply
              FROM tickets t WHERE t.created_at BETWEEN ? AND ?) AS replies WHERE first_reply IS NOT NULL""";
    private static final String BY_AGENT = """
            SELECT t.agent, MAX(COALESCE(a.display_name, t.agent)), COUNT(t.satisfaction), AVG(t.satisfaction), COUNT(*)
            FROM tickets t LEFT JOIN agent_accounts a ON a.login = t.agent
            WHERE t.status = 'closed' AND t.agent IS NOT NULL AND t.closed_at BETWEEN ? AND ?
            GROUP BY t.agent ORDER BY t.agent""";
    private final Database db;

    public SqlDeskReports(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public DeskReport report(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli() - 1;
        return db.read(c -> {
            long conversations = number(c, "SELECT COUNT(*) FROM conversations WHERE created_at" + PERIOD, a, b);
            long handedOff = number(c, "SELECT COUNT(DISTINCT t.conversation_id) FROM tickets t JOIN conversations v "
                    + "ON v.id = t.conversation_id WHERE v.created_at" + PERIOD, a, b);
            List<DeskReport.Count> reasons = new ArrayList<>();
            rows(c, "SELECT reason, COUNT(*) FROM tickets WHERE created_at" + PERIOD + " GROUP BY reason ORDER BY 2 DESC, 1",
                    a, b, r -> reasons.add(new DeskReport.Count(r.getString(1), r.getLong(2))));
            Double firstResponse = seconds(c, FIRST_RESPONSE, a, b);
            Double handle = seconds(c, "SELECT AVG(closed_at - claimed_at) FROM tickets WHERE status = 'closed' "
                    + "AND claimed_at IS NOT NULL AND closed_at" + PERIOD, a, b);
            List<DeskReport.AgentRating> agents = new ArrayList<>();
            rows(c, BY_AGENT, a, b, r -> agents.add(new DeskReport.AgentRating(r.getString(1), r.getString(2),
                    r.getLong(3), r.getDouble(4), r.getLong(5))));
            long ratings = agents.stream().mapToLong(DeskReport.AgentRating::ratings).sum();
            double stars = agents.stream().mapToDouble(x -> x.meanStars() * x.ratings()).sum();
            return new DeskReport(from, to, conversations, handedOff, reasons, firstResponse, handle, agents, ratings,
                    ratings == 0 ? null : stars / ratings);
        });
    }

    /** One row of a result. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    /** Runs {@code sql} with the period's two bounds and hands every row to {@code row}. */
    private static void rows(Connection c, String sql, long from, long to, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }

    private static long number(Connection c, String sql, long from, long to) throws SQLException {
        long[] value = {0};
        rows(c, sql, from, to, r -> value[0] = r.getLong(1));
        return value[0];
    }

    /** A mean of milliseconds as seconds; null without rows. */
    private static Double seconds(Connection c, String sql, long from, long to) throws SQLException {
        Double[] value = {null};
        rows(c, sql, from, to, r -> {
            double millis = r.getDouble(1);
            value[0] = r.wasNull() ? null : millis / 1000.0;
        });
        return value[0];
    }
}
