package dev.kefu.store;

import dev.kefu.faq.FaqEntry;
import dev.kefu.studio.CorpusText;
import dev.kefu.studio.KbChange;
import dev.kefu.studio.KbEdit;
import dev.kefu.studio.KbEntry;
import dev.kefu.studio.KbExample;
import dev.kefu.studio.KbSnapshot;
import dev.kefu.studio.KbStore;
import dev.kefu.studio.Placement;
import dev.kefu.studio.Stamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The draft knowledge base in SQL (tables {@code kb_*}). Each edit first bumps the one row of
 * {@code kb_state}, so edits from every instance take turns: the snapshot an edit is planned on
 * is the one it commits over. Thread-safe.
 */
public final class SqlKbStore implements KbStore {
    private static final String ENTRY_COLUMNS = "id, intent, question, paraphrases, answer, lead, position, revision, "
            + "updated_by, updated_at";
    private static final String EXAMPLE_COLUMNS = "id, intent, text, faq_ids, lead, position, revision, updated_by, "
            + "updated_at";
    private static final String CHANGE_COLUMNS = "id, kind, item, revision, before_json, after_json, author, comment, "
            + "created_at";
    private final Database db;

    public SqlKbStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public KbSnapshot snapshot() {
        return db.read(SqlKbStore::snapshot);
    }

    @Override
    public <T> T edit(Function<KbSnapshot, KbEdit<T>> plan) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE kb_state SET draft_revision = draft_revision + 1 WHERE id = 1")) {
                s.executeUpdate();
            }
            KbEdit<T> edit = plan.apply(snapshot(c));
            write(c, edit);
            return edit.result();
        });
    }

    private static void write(Connection c, KbEdit<?> edit) throws SQLException {
        for (String id : edit.removedEntries()) {
            update(c, "DELETE FROM kb_entries WHERE id = ?", id);
        }
        for (long id : edit.removedExamples()) {
            update(c, "DELETE FROM kb_examples WHERE id = ?", id);
        }
        for (KbEntry entry : edit.savedEntries()) {
            FaqEntry faq = entry.faq();
            update(c, "DELETE FROM kb_entries WHERE id = ?", entry.id());
            update(c, "INSERT INTO kb_entries (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", faq.id(),
                    faq.intent(), faq.question(), String.join("\n", faq.paraphrases()), faq.answer(),
                    CorpusText.joined(entry.place().lead()), entry.place().position(), entry.stamp().revision(),
                    entry.stamp().by(), entry.stamp().at().toEpochMilli());
        }
        long lastExample = 0;
        for (KbExample example : edit.savedExamples()) {
            update(c, "DELETE FROM kb_examples WHERE id = ?", example.id());
            update(c, "INSERT INTO kb_examples (" + EXAMPLE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", example.id(),
                    example.intent(), example.text(), String.join(",", example.faqIds()),
                    CorpusText.joined(example.place().lead()), example.place().position(), example.stamp().revision(),
                    example.stamp().by(), example.stamp().at().toEpochMilli());
            lastExample = Math.max(lastExample, example.id());
        }
        for (Map.Entry<String, String> file : edit.files().entrySet()) {
            update(c, "DELETE FROM kb_files WHERE name = ?", file.getKey());
            update(c, "INSERT INTO kb_files (name, content) VALUES (?, ?)", file.getKey(), file.getValue());
        }
        long id = state(c, "last_change");
        for (KbChange change : edit.changes()) {
            update(c, "INSERT INTO kb_changes (" + CHANGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ++id,
                    change.kind().wireName(), change.item(), change.revision(), change.before(), change.after(),
                    change.author(), change.comment(), change.at().toEpochMilli());
        }
        update(c, "UPDATE kb_state SET last_change = ?, last_example = CASE WHEN last_example < ? THEN ? ELSE last_example END "
                + "WHERE id = 1", id, lastExample, lastExample);
    }

    @Override
    public List<KbChange> history(KbChange.Kind kind, String item) {
        return db.read(c -> changes(c, "SELECT " + CHANGE_COLUMNS + " FROM kb_changes WHERE kind = ? AND item = ? ORDER BY id",
                kind.wireName(), item));
    }

    @Override
    public Optional<KbChange> change(long id) {
        return db.read(c -> changes(c, "SELECT " + CHANGE_COLUMNS + " FROM kb_changes WHERE id = ?", id)).stream().findFirst();
    }

    private static KbSnapshot snapshot(Connection c) throws SQLException {
        List<KbEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM kb_entries");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String paraphrases = r.getString(4);
                FaqEntry faq = new FaqEntry(r.getString(1), r.getString(2), r.getString(3),
                        paraphrases.isEmpty() ? List.of() : List.of(paraphrases.split("\n", -1)), r.getString(5));
                entries.add(new KbEntry(faq, placement(r, 6), stamp(r, 8)));
            }
        }
        List<KbExample> examples = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + EXAMPLE_COLUMNS + " FROM kb_examples");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String ids = r.getString(4);
                examples.add(new KbExample(r.getLong(1), r.getString(2), r.getString(3),
                        ids.isEmpty() ? List.of() : List.of(ids.split(",")), placement(r, 5), stamp(r, 7)));
            }
        }
        Map<String, String> files = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, content FROM kb_files"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                files.put(r.getString(1), r.getString(2));
            }
        }
        return new KbSnapshot(state(c, "draft_revision"), entries, examples, files, state(c, "last_example"));
    }

    private static Placement placement(ResultSet r, int leadColumn) throws SQLException {
        return new Placement(r.getLong(leadColumn + 1), CorpusText.lines(r.getString(leadColumn)));
    }

    private static Stamp stamp(ResultSet r, int revisionColumn) throws SQLException {
        return new Stamp(r.getLong(revisionColumn), r.getString(revisionColumn + 1),
                Instant.ofEpochMilli(r.getLong(revisionColumn + 2)));
    }

    private static long state(Connection c, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM kb_state WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static List<KbChange> changes(Connection c, String sql, Object... args) throws SQLException {
        List<KbChange> changes = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                changes.add(new KbChange(r.getLong(1), KbChange.Kind.of(r.getString(2)), r.getString(3), r.getLong(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9))));
            }
        }
        return List.copyOf(changes);
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
