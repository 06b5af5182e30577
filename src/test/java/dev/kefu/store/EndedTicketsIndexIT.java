package dev.kefu.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of ended tickets reads the index {@code tickets_ended} backwards and stops at the limit,
 * with no sort of every ended ticket, on both databases (migration V9).
 */
class EndedTicketsIndexIT {
    /** Enough tickets, most of them ended, that PostgreSQL's statistics favour the index. */
    private static final String FILL = "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 5000) "
            + "INSERT INTO %s SELECT %s FROM g";

    @TempDir
    Path dir;

    @Test
    void sqlite_pages_along_the_index() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("kefu.db"))) {
            fill(db);
            for (boolean cursor : new boolean[] {false, true}) {
                String plan = plan(db, "EXPLAIN QUERY PLAN " + SqlTicketStore.endedQuery(cursor), 4);
                assertThat(plan).as(plan).contains("USING INDEX tickets_ended").doesNotContain("TEMP B-TREE");
            }
        }
    }

    @Test
    void postgresql_pages_along_the_index() {
        String url = PostgresServer.shared().newDatabase();
        try (Database db = Database.open(url, new Database.Credentials(PostgresServer.USER, PostgresServer.PASSWORD))) {
            fill(db);
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE tickets");
                }
                return null;
            });
            for (boolean cursor : new boolean[] {false, true}) {
                String plan = plan(db, "EXPLAIN " + SqlTicketStore.endedQuery(cursor), 1);
                assertThat(plan).as(plan).contains("Index Scan Backward using tickets_ended").doesNotContain("Sort");
            }
        }
    }

    private static void fill(Database db) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(String.format(FILL, "conversations (id, created_at, updated_at, turns, consecutive_fallbacks, "
                        + "handed_off)", "'c' || n, n, n, 1, 0, 0"));
                // one ticket in 50 still waiting; the rest closed or handed back, one a millisecond
                s.execute(String.format(FILL, "tickets (id, conversation_id, status, reason, priority, created_at, closed_at)",
                        "'t' || n, 'c' || n, CASE WHEN n % 50 = 0 THEN 'waiting' WHEN n % 3 = 0 THEN 'handed_back' "
                                + "ELSE 'closed' END, 'user_request', 1, n, CASE WHEN n % 50 = 0 THEN NULL ELSE n + 100 END"));
            }
            return null;
        });
    }

    /** The plan's text, one line per row, with the query's parameters bound to a page of 101 closed tickets. */
    private static String plan(Database db, String explain, int column) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(explain)) {
                bind(s, explain.contains("closed_at <"));
                List<String> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(r.getString(column));
                    }
                }
                return String.join("\n", lines);
            }
        });
    }

    private static void bind(PreparedStatement s, boolean cursor) throws SQLException {
        int next = 1;
        s.setString(next++, "closed");
        if (cursor) {
            s.setLong(next++, 3000);
            s.setLong(next++, 3000);
            s.setString(next++, "t2900");
        }
        s.setInt(next, 101);
    }
}
