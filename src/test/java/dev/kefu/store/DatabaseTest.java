package dev.kefu.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void the_dialect_comes_from_the_url() {
        assertThat(Database.dialectOf("jdbc:sqlite:kefu-data/kefu.db")).isEqualTo(Database.Dialect.SQLITE);
        assertThat(Database.dialectOf("jdbc:postgresql://db.internal:5432/kefu")).isEqualTo(Database.Dialect.POSTGRESQL);
    }

    @Test
    void another_database_is_refused_without_showing_its_password() {
        assertThatThrownBy(() -> Database.dialectOf("jdbc:mysql://db/kefu?user=kefu&password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void a_password_in_the_url_is_redacted() {
        assertThat(Database.redacted("jdbc:postgresql://db/kefu?user=kefu&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/kefu?user=kefu&password=***&ssl=true");
    }

    @Test
    void an_unreachable_server_is_a_clear_error() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/kefu?connectTimeout=1&password=s3cret",
                Database.Credentials.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/kefu")
                .hasMessageNotContaining("s3cret");
    }

    /**
     * Two instances on one SQLite file: a transaction of the first reads, the second writes, then
     * the first writes. A deferred transaction loses its snapshot there and fails at once with
     * SQLITE_BUSY_SNAPSHOT (AssignmentIT saw it as a 503); the writer's IMMEDIATE batch holds the
     * lock from its start, so the second instance waits its turn and both writes land.
     */
    @Test
    void a_transaction_that_read_first_survives_another_instance_writing_to_the_same_file(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("kefu.db");
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            CountDownLatch firstRead = new CountDownLatch(1);
            CountDownLatch secondWrote = new CountDownLatch(1);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
                try {
                    firstRead.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                int changed = second.inTransaction(c -> setProbe(c, 2));
                secondWrote.countDown();
                return changed;
            });
            int changed = first.inTransaction(c -> {
                probe(c);
                firstRead.countDown();
                // deferred, the second instance commits meanwhile; immediate, it waits for this lock
                try {
                    secondWrote.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return setProbe(c, 1);
            });
            assertThat(changed).isEqualTo(1);
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(first.read(DatabaseTest::probe)).as("the second write came after the first").isEqualTo(2);
        }
    }

    private static long probe(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT checked_at FROM health_probe WHERE id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int setProbe(Connection c, long value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE health_probe SET checked_at = ? WHERE id = 1")) {
            s.setLong(1, value);
            return s.executeUpdate();
        }
    }

    @Test
    void a_local_broadcast_reaches_this_process() {
        try (LocalBroadcast broadcast = new LocalBroadcast()) {
            StringBuilder seen = new StringBuilder();
            broadcast.subscribe(seen::append);
            broadcast.publish("{\"event\":\"x\"}");
            assertThat(seen).hasToString("{\"event\":\"x\"}");
            assertThat(broadcast.isConnected()).isTrue();
        }
    }
}
