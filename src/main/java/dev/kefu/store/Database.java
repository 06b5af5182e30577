package dev.kefu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;

/**
 * A pooled database with its schema migrated: an embedded SQLite file (the default) or a
 * PostgreSQL server that several kefu instances share. Thread-safe.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=NORMAL}: a committed transaction survives the
 * process being killed (only an operating-system crash may lose the last ones), readers never
 * block the writer, and all writes go through one writer thread ({@link GroupCommit}).
 * PostgreSQL runs each transaction on its own pooled connection; a transaction that loses a
 * deadlock or a serialization conflict to another instance is retried.
 */
public final class Database implements Closeable {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    /** Retries of a PostgreSQL transaction that lost a deadlock or a serialization conflict. */
    private static final int RETRIES = 3;

    /** The SQL engine behind a database: where its queries differ, the store adapters ask. */
    public enum Dialect {
        SQLITE, POSTGRESQL
    }

    /** The user and password for a server database; either may be null (then the URL's, if any, count). */
    public record Credentials(String user, String password) {
        public static final Credentials NONE = new Credentials(null, null);
    }

    private final HikariDataSource pool;
    /** Bytes an idle WAL is cut back to (journal_size_limit). */
    static final long WAL_SIZE_LIMIT = 4L * 1024 * 1024;
    private final Dialect dialect;
    /**
     * SQLite has one writer at a time and makes the others wait by sleeping and retrying (1, 2,
     * 5… ms), which turned a 0.1 ms transaction into tens of ms under load. All its writes go
     * through one thread instead, which also commits the transactions waiting for it together.
     * Null for PostgreSQL, which has row locks and commits concurrent transactions in parallel.
     */
    private final GroupCommit writer;
    private final Broadcast broadcast;
    /** Work that joins the transactions of turns (the inbound key of a webhook message). */
    private final TurnScope turns = new TurnScope();
    /** The last write failed (full disk, lost server…): the health check then tries one itself. */
    private volatile boolean writeFailed;
    /** The SQLite file, whose disk the health check watches; null for a server or in-memory database. */
    private final Path file;
    /** Free space below which an SQLite database counts as unavailable: a turn no longer fits for sure. */
    static final long MIN_FREE_BYTES = 1 << 20;

    private Database(HikariDataSource pool, Dialect dialect, Credentials credentials, Path file) {
        this.pool = pool;
        this.file = file;
        this.dialect = dialect;
        this.writer = dialect == Dialect.SQLITE ? new GroupCommit(pool) : null;
        this.broadcast = dialect == Dialect.SQLITE ? new LocalBroadcast()
                : new PostgresBroadcast(pool.getJdbcUrl(), credentials, this);
    }

    /** Opens {@code url} without separate credentials (see {@link #open(String, Credentials)}). */
    public static Database open(String url) {
        return open(url, Credentials.NONE);
    }

    /**
     * Opens {@code url}, a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, and applies pending
     * migrations (several instances starting together are safe: Flyway locks the history table).
     */
    public static Database open(String url, Credentials credentials) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        Dialect dialect = dialectOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("kefu-db");
        config.setConnectionTimeout(5_000);
        if (dialect == Dialect.SQLITE) {
            Path file = fileOf(url.substring(SQLITE.length()));
            if (file != null) {
                createDirectory(file.getParent());
            }
            config.setMaximumPoolSize(8);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("foreign_keys", "true");
            // a WAL that grew during a burst of writes is cut back to this size once checkpointed
            config.addDataSourceProperty("journal_size_limit", String.valueOf(WAL_SIZE_LIMIT));
            // No checkpoint at commit time: it stalled every request waiting for that commit (p99
            // 28-30 ms under wrk). GroupCommit checkpoints from a thread of its own instead.
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
        } else {
            config.setMaximumPoolSize(16);
            if (credentials.user() != null) {
                config.setUsername(credentials.user());
            }
            if (credentials.password() != null) {
                config.setPassword(credentials.password());
            }
            // a statement stuck behind a lock or a dead server fails after 10 s instead of hanging a request
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("connectTimeout", "5");
            config.setConnectionInitSql("SET statement_timeout = 10000");
            config.setInitializationFailTimeout(10_000);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + redacted(url) + ": " + rootMessage(e), e);
        }
        try {
            if (dialect == Dialect.SQLITE) {
                incrementalVacuum(pool);
            }
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration/common",
                            "classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load().migrate();
            return new Database(pool, dialect, credentials,
                    dialect == Dialect.SQLITE ? fileOf(url.substring(SQLITE.length())) : null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Whether {@code url} names a database kefu can use. */
    public static boolean isSupported(String url) {
        return url.startsWith(SQLITE) || url.startsWith(POSTGRESQL);
    }

    static Dialect dialectOf(String url) {
        if (url.startsWith(SQLITE)) {
            return Dialect.SQLITE;
        }
        if (url.startsWith(POSTGRESQL)) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("--db must be a jdbc:sqlite: or jdbc:postgresql: URL, was " + redacted(url));
    }

    /**
     * SQLite files keep the pages that deleted rows leave free unless {@code auto_vacuum} is
     * incremental; a file made before that (or new) is switched over once, by a VACUUM that
     * rewrites it (fast on a new file; on a large old one it takes a while, once).
     */
    private static void incrementalVacuum(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA auto_vacuum")) {
                if (r.next() && r.getInt(1) == 2) {
                    return;
                }
            }
            s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            s.execute("VACUUM");
        } catch (SQLException e) {
            throw new StoreException("cannot switch the SQLite file to incremental vacuum: " + e.getMessage(), e);
        }
    }

    /**
     * After many rows were deleted: SQLite gives the free pages back to the file system
     * (incremental vacuum) and truncates the WAL; PostgreSQL's autovacuum does the same on its own.
     */
    public void giveBackFreeSpace() {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        inTransaction(c -> {
            // the driver runs one step of the pragma, which gives back one page: repeat while that helps
            try (java.sql.Statement s = c.createStatement()) {
                for (long free = freePages(s), before = Long.MAX_VALUE; free > 0 && free < before; free = freePages(s)) {
                    before = free;
                    for (long i = 0; i < free; i++) {
                        s.execute("PRAGMA incremental_vacuum");
                    }
                }
            }
            return null;
        });
        // the pages move back into the file, which shrinks, and the WAL restarts empty; a checkpoint
        // running at the same moment (the writer's own) makes this one busy: try again shortly
        read(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                for (int attempt = 0; attempt < 50; attempt++) {
                    try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                        if (!r.next() || r.getInt(1) == 0) {
                            return null;
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private static long freePages(java.sql.Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA freelist_count")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What the turns recorded on the current thread must also write, in their own transaction. */
    TurnScope turns() {
        return turns;
    }

    /**
     * Small messages to every kefu process on this database, this one included: in-process for
     * SQLite, {@code NOTIFY}/{@code LISTEN} for PostgreSQL.
     */
    public Broadcast broadcast() {
        return broadcast;
    }

    /**
     * Runs {@code work} in one transaction and returns once it is committed; rolled back (alone)
     * when it throws.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return write(() -> writer != null ? writer.submit(work) : transaction(work));
    }

    /** Transactions waiting for SQLite's writer thread; always 0 on PostgreSQL. For tests. */
    int waitingWrites() {
        return writer == null ? 0 : writer.waiting();
    }

    /** Runs {@code write} and remembers whether it failed, for {@link #isHealthy()}. */
    private <T> T write(java.util.function.Supplier<T> write) {
        try {
            T value = write.get();
            writeFailed = false;
            return value;
        } catch (StoreException e) {
            writeFailed = true;
            throw e;
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T value = work.run(connection);
                    connection.commit();
                    return value;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (attempt > RETRIES || !isConflict(e)) {
                    throw new StoreException("database error: " + e.getMessage(), e);
                }
            }
        }
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may simply run again. */
    private static boolean isConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /**
     * Runs {@code work}, which writes with one statement, in autocommit on PostgreSQL: one round
     * trip instead of BEGIN … COMMIT around it. In a transaction (the writer thread) on SQLite.
     */
    public <T> T inOneStatement(SqlWork<T> work) {
        return writer != null ? inTransaction(work) : write(() -> read(work));
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * True when a trivial query succeeds, an SQLite file's disk has at least 1 MiB free, and, if
     * the last write failed, a trivial write succeeds now (a full disk still answers reads, and
     * small writes may still fit in space SQLite holds already).
     */
    public boolean isHealthy() {
        try {
            if (!hasRoom() || !read(c -> c.createStatement().executeQuery("SELECT 1").next())) {
                return false;
            }
            if (writeFailed) {
                inTransaction(c -> {
                    try (PreparedStatement s = c.prepareStatement("UPDATE health_probe SET checked_at = ? WHERE id = 1")) {
                        s.setLong(1, System.currentTimeMillis());
                        return s.executeUpdate();
                    }
                });
            }
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        broadcast.close();
        if (writer != null) {
            writer.close();
        }
        pool.close();
    }

    /** {@code url} without a password given in it. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The file of an SQLite URL's path part; null for an in-memory or URI-style database. */
    private static Path fileOf(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return null;
        }
        return Path.of(path).toAbsolutePath();
    }

    /** Whether the disk of the SQLite file has room for more turns (always true for a server database). */
    private boolean hasRoom() {
        if (file == null) {
            return true;
        }
        try {
            return Files.getFileStore(file).getUsableSpace() >= MIN_FREE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectory(Path parent) {
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
