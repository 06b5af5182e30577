package dev.kefu.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * One writer thread that commits the transactions waiting for it together: each runs inside its
 * own savepoint (so one that fails is rolled back alone), then one commit makes them all durable,
 * and only then is each caller answered. SQLite writes the changed pages of a table once per
 * commit, not once per turn, which is what makes persisting every turn affordable under load.
 * Thread-safe.
 */
final class GroupCommit implements AutoCloseable {
    /** Most transactions in one commit, so that one commit's latency stays small. */
    private static final int MAX_BATCH = 64;

    private record Pending<T>(Database.SqlWork<T> work, CompletableFuture<T> result) {
    }

    /** WAL frames (4 KiB pages) beyond which the writer lets the WAL start over from its beginning: 16 MiB. */
    static final int RESTART_FRAMES = 4_000;
    /** How often the WAL is copied back (measured: 100 ms, 250 ms, 500 ms, 1 s; see BENCHMARKS.md). */
    private static final long CHECKPOINT_MILLIS = 250;

    private final DataSource pool;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kefu-db-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    /** The WAL is long: the writer should copy back its last frames itself, so that the WAL restarts. */
    private volatile boolean restartWanted;

    GroupCommit(DataSource pool) {
        this.pool = pool;
        this.writer = new Thread(this::loop, "kefu-db-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        checkpointer.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Copies the WAL back into the database file on this thread, never blocking the writer (a
     * checkpoint at commit time stalled every request waiting for that commit). A PASSIVE
     * checkpoint cannot make the WAL start over while the writer keeps appending; once the WAL is
     * long, the writer is asked to copy back the last few frames itself, so that its next
     * transaction finds the WAL fully copied and restarts it.
     */
    private void checkpoint() {
        try (Connection connection = pool.getConnection(); Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            restartWanted = r.next() && r.getInt(2) >= RESTART_FRAMES;
        } catch (SQLException | RuntimeException e) {
            restartWanted = false;
        }
    }

    /** Runs {@code work} in a transaction on the writer thread and waits until it is committed. */
    <T> T submit(Database.SqlWork<T> work) {
        if (!running) {
            throw new StoreException("database is closed", null);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        queue.add(new Pending<>(work, result));
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Transactions waiting for the writer (not counting the batch it runs); for tests. */
    int waiting() {
        return queue.size();
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.result().completeExceptionally(new StoreException("database is closed", null)));
    }

    private void commit(List<Pending<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try (Connection connection = pool.getConnection()) {
            if (restartWanted) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            }
            // The batch takes the write lock when it begins (BEGIN IMMEDIATE), so another process
            // writing to the same file makes it wait (busy_timeout). A deferred transaction that has
            // read first fails at its first write instead, at once and without waiting, with
            // SQLITE_BUSY_SNAPSHOT when the other process wrote in between. The driver sends the
            // BEGIN of its connection config's mode from setAutoCommit(false) (setCurrentTransactionMode
            // only records a value); the mode goes back to deferred before commit(), which sends a
            // new BEGIN of that mode straight after COMMIT and must not wait for the lock again.
            org.sqlite.SQLiteConnectionConfig config =
                    connection.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig();
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                // the lock stayed busy past busy_timeout: no transaction began, but the driver
                // already counts the connection as out of autocommit; put that back for the pool
                config.setAutoCommit(true);
                throw e;
            } finally {
                config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.DEFERRED);
            }
            try {
                for (Pending<?> pending : batch) {
                    answers.add(run(connection, pending));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            answers.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            StoreException failure = new StoreException("database error: " + e.getMessage(), e);
            batch.forEach(p -> p.result().completeExceptionally(failure));
        }
    }

    /** Runs one transaction in a savepoint; returns how to answer its caller once the batch commits. */
    private static <T> Runnable run(Connection connection, Pending<T> pending) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T value = pending.work().run(connection);
            connection.releaseSavepoint(savepoint);
            return () -> pending.result().complete(value);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            StoreException failure = new StoreException("database error: " + e.getMessage(), e);
            return () -> pending.result().completeExceptionally(failure);
        } catch (RuntimeException e) {
            connection.rollback(savepoint); // a refused move (409, 404) or a stale turn: only this transaction is undone
            return () -> pending.result().completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        checkpointer.shutdownNow();
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
