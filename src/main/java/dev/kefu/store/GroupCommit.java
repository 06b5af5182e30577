package dev.kefu.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    private final DataSource pool;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(DataSource pool) {
        this.pool = pool;
        this.writer = new Thread(this::loop, "kefu-db-writer");
        this.writer.setDaemon(true);
        this.writer.start();
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
            connection.setAutoCommit(false);
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
            connection.rollback(savepoint); // a refused move (409, 404): only this transaction is undone
            return () -> pending.result().completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
