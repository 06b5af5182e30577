package dev.kefu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;

/**
 * A pooled database with its schema migrated. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL}: a committed transaction survives the process being killed (only
 * an operating-system crash may lose the last ones), readers never block the writer, and writers
 * wait up to 5 s for each other instead of failing. Thread-safe.
 */
public final class Database implements Closeable {
    private static final String SQLITE = "jdbc:sqlite:";
    private final HikariDataSource pool;
    /**
     * SQLite has one writer at a time and makes the others wait by sleeping and retrying (1, 2,
     * 5… ms), which turned a 0.1 ms transaction into tens of ms under load. All writes go through
     * one thread instead, which also commits the transactions waiting for it together.
     */
    private final GroupCommit writer;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.writer = new GroupCommit(pool);
    }

    /** Opens {@code url} (creating an SQLite file's directory) and applies pending migrations. */
    public static Database open(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(SQLITE)) {
            throw new IllegalArgumentException("--db must be a jdbc:sqlite: URL, was " + url);
        }
        createDirectoryOf(url.substring(SQLITE.length()));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("kefu-db");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "5000");
        config.addDataSourceProperty("foreign_keys", "true");
        // Checkpoint every 10,000 WAL pages instead of 1,000: the hot index pages are copied back
        // to the database once per checkpoint, however often they changed (disk writes under load
        // fell from ~80 MB/s to ~33 MB/s).
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint = 10000");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/sqlite").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /**
     * Runs {@code work} in one transaction and returns once it is committed; rolled back (alone)
     * when it throws. Writes go through one writer thread that commits them in groups.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return writer.submit(work);
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** True when a trivial query succeeds. */
    public boolean isHealthy() {
        try {
            return read(c -> c.createStatement().executeQuery("SELECT 1").next());
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        pool.close();
    }

    private static void createDirectoryOf(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
