package dev.kefu.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.studio.version.KbVersion;
import dev.kefu.studio.version.Publication;
import dev.kefu.studio.version.VersionReport;
import dev.kefu.studio.version.VersionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Versions in SQL ({@code kb_versions}, {@code kb_version_files}, {@code kb_published},
 * {@code kb_publications}). A version's files are written in the transaction that marks it ready,
 * and the published pointer is one row changed in one transaction: a process killed at any moment
 * leaves every instance reading one complete version. Thread-safe.
 */
public final class SqlVersionStore implements VersionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, status, draft_revision, created_by, comment, created_at, finished_at, error, report";
    private final Database db;

    public SqlVersionStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public KbVersion create(long draftRevision, String by, String comment, Instant at) {
        return db.inTransaction(c -> {
            lock(c);
            long id = 1 + single(c, "SELECT COALESCE(MAX(id), 0) FROM kb_versions");
            update(c, "INSERT INTO kb_versions (id, status, draft_revision, created_by, comment, created_at) VALUES "
                    + "(?, ?, ?, ?, ?, ?)", id, KbVersion.Status.TRAINING.wireName(), draftRevision, by, comment, at.toEpochMilli());
            return new KbVersion(id, KbVersion.Status.TRAINING, draftRevision, by, comment, at, null, null, null);
        });
    }

    @Override
    public void finish(long id, VersionReport report, Map<String, byte[]> files, Instant at) {
        String json = write(report);
        db.inTransaction(c -> {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO kb_version_files (version_id, path, content) VALUES (?, ?, ?)")) {
                    s.setLong(1, id);
                    s.setString(2, file.getKey());
                    s.setBytes(3, file.getValue());
                    s.executeUpdate();
                }
            }
            return update(c, "UPDATE kb_versions SET status = ?, finished_at = ?, report = ? WHERE id = ?",
                    KbVersion.Status.READY.wireName(), at.toEpochMilli(), json, id);
        });
    }

    @Override
    public void fail(long id, String error, Instant at) {
        db.inTransaction(c -> update(c, "UPDATE kb_versions SET status = ?, finished_at = ?, error = ? WHERE id = ?",
                KbVersion.Status.FAILED.wireName(), at.toEpochMilli(), error, id));
    }

    @Override
    public int failTrainingBefore(Instant before, String error, Instant at) {
        return db.inTransaction(c -> update(c, "UPDATE kb_versions SET status = ?, finished_at = ?, error = ? "
                + "WHERE status = ? AND created_at < ?", KbVersion.Status.FAILED.wireName(), at.toEpochMilli(), error,
                KbVersion.Status.TRAINING.wireName(), before.toEpochMilli()));
    }

    @Override
    public List<KbVersion> list() {
        return db.read(c -> versions(c, "SELECT " + COLUMNS + " FROM kb_versions ORDER BY id DESC"));
    }

    @Override
    public Optional<KbVersion> get(long id) {
        return db.read(c -> versions(c, "SELECT " + COLUMNS + " FROM kb_versions WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public Map<String, byte[]> files(long id) {
        return db.read(c -> {
            Map<String, byte[]> files = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path, content FROM kb_version_files WHERE version_id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        files.put(r.getString(1), r.getBytes(2));
                    }
                }
            }
            return files;
        });
    }

    @Override
    public Optional<Publication> published() {
        return db.read(c -> publications(c, "SELECT p.version_id, COALESCE(h.action, 'publish'), p.published_by, "
                + "p.published_at, COALESCE(h.reason, '') FROM kb_published p LEFT JOIN kb_publications h ON h.id = "
                + "(SELECT MAX(id) FROM kb_publications WHERE version_id = p.version_id) WHERE p.id = 1")).stream().findFirst();
    }

    @Override
    public void publish(Publication publication) {
        db.inTransaction(c -> {
            lock(c);
            long id = 1 + single(c, "SELECT COALESCE(MAX(id), 0) FROM kb_publications");
            update(c, "INSERT INTO kb_publications (id, version_id, action, published_by, published_at, reason) VALUES "
                    + "(?, ?, ?, ?, ?, ?)", id, publication.versionId(), publication.action().wireName(), publication.by(),
                    publication.at().toEpochMilli(), publication.reason());
            if (update(c, "UPDATE kb_published SET version_id = ?, published_by = ?, published_at = ? WHERE id = 1",
                    publication.versionId(), publication.by(), publication.at().toEpochMilli()) == 0) {
                update(c, "INSERT INTO kb_published (id, version_id, published_by, published_at) VALUES (1, ?, ?, ?)",
                        publication.versionId(), publication.by(), publication.at().toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public List<Publication> publications() {
        return db.read(c -> publications(c, "SELECT version_id, action, published_by, published_at, reason "
                + "FROM kb_publications ORDER BY id DESC"));
    }

    /** Version and publication numbers are taken in turns, on every instance. */
    private static void lock(Connection c) throws SQLException {
        update(c, "UPDATE kb_state SET last_change = last_change WHERE id = 1");
    }

    private static List<KbVersion> versions(Connection c, String sql, Object... args) throws SQLException {
        List<KbVersion> versions = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long finished = r.getLong(7);
                boolean hasFinished = !r.wasNull();
                String report = r.getString(9);
                versions.add(new KbVersion(r.getLong(1), KbVersion.Status.valueOf(r.getString(2).toUpperCase(java.util.Locale.ROOT)),
                        r.getLong(3), r.getString(4), r.getString(5), Instant.ofEpochMilli(r.getLong(6)),
                        hasFinished ? Instant.ofEpochMilli(finished) : null, r.getString(8), report == null ? null : read(report)));
            }
        }
        return versions;
    }

    private static List<Publication> publications(Connection c, String sql) throws SQLException {
        List<Publication> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                list.add(new Publication(r.getLong(1), Publication.Action.of(r.getString(2)), r.getString(3),
                        Instant.ofEpochMilli(r.getLong(4)), r.getString(5)));
            }
        }
        return list;
    }

    private static String write(VersionReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a version report", e);
        }
    }

    private static VersionReport read(String json) {
        try {
            return JSON.readValue(json, VersionReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored version report does not parse: " + e.getMessage(), e);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
