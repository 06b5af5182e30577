package dev.kefu.studio;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.LabeledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code kefu corpus import}: the draft becomes the files. Entries keep their id, examples their
 * id when their text is unchanged; a change is recorded only for what differs (created, changed,
 * removed), so importing the files just exported records nothing. Thread-safe.
 */
public final class CorpusImporter {
    private final KbEditor kb;

    public CorpusImporter(KbEditor kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** How many items an import created, changed and removed. */
    public record Counts(int created, int changed, int removed) {
    }

    /** Replaces the draft with {@code files}; returns what changed. */
    public Counts replaceWith(CorpusImport files, KbEditor.Change why) {
        return kb.edit(snapshot -> plan(snapshot, files, why));
    }

    private KbEdit<Counts> plan(KbSnapshot snapshot, CorpusImport files, KbEditor.Change why) {
        Instant now = kb.clock().instant();
        List<KbChange> changes = new ArrayList<>();
        List<KbEntry> entries = new ArrayList<>();
        Set<String> removedEntries = new HashSet<>();
        snapshot.entries().forEach(e -> removedEntries.add(e.id()));
        for (int i = 0; i < files.entries().size(); i++) {
            FaqEntry entry = files.entries().get(i);
            Placement place = new Placement((i + 1L) * CorpusFormat.SPACING, files.entryLeads().get(i));
            KbEntry old = snapshot.entry(entry.id()).orElse(null);
            removedEntries.remove(entry.id());
            Stamp stamp = old == null ? new Stamp(1, why.author(), now)
                    : old.faq().equals(entry) ? old.stamp() : old.stamp().next(why.author(), now);
            if (old == null || !old.faq().equals(entry)) {
                changes.add(new KbChange(0, KbChange.Kind.ENTRY, entry.id(), stamp.revision(),
                        old == null ? null : KbJson.of(old.faq()), KbJson.of(entry), why.author(), why.comment(), now));
            }
            entries.add(new KbEntry(entry, place, stamp));
        }
        for (String id : removedEntries) {
            KbEntry old = snapshot.entry(id).orElseThrow();
            changes.add(new KbChange(0, KbChange.Kind.ENTRY, id, old.stamp().revision() + 1, KbJson.of(old.faq()), null,
                    why.author(), why.comment(), now));
        }
        ExamplePlan examples = examples(snapshot, files, why, now, changes);
        int created = (int) changes.stream().filter(c -> c.before() == null).count();
        int removed = (int) changes.stream().filter(c -> c.after() == null).count();
        Counts counts = new Counts(created, changes.size() - created - removed, removed);
        return new KbEdit<>(entries, removedEntries, examples.saved, examples.removed, files.keptFiles(), changes, counts);
    }

    private record ExamplePlan(List<KbExample> saved, Set<Long> removed) {
    }

    private static ExamplePlan examples(KbSnapshot snapshot, CorpusImport files, KbEditor.Change why, Instant now,
                                        List<KbChange> changes) {
        Map<String, KbExample> byText = new HashMap<>();
        snapshot.examples().forEach(e -> byText.putIfAbsent(e.text(), e));
        Set<Long> removed = new HashSet<>();
        snapshot.examples().forEach(e -> removed.add(e.id()));
        long nextId = snapshot.nextExampleId();
        List<KbExample> saved = new ArrayList<>();
        for (int i = 0; i < files.examples().size(); i++) {
            LabeledText line = files.examples().get(i);
            ExampleDraft draft = new ExampleDraft(line.label(), line.text(), line.faqIds());
            Placement place = new Placement((i + 1L) * CorpusFormat.SPACING, files.exampleLeads().get(i));
            KbExample old = byText.remove(line.text());
            boolean same = old != null && ExampleDraft.of(old).equals(draft);
            long id = old == null ? nextId++ : old.id();
            Stamp stamp = old == null ? new Stamp(1, why.author(), now) : same ? old.stamp() : old.stamp().next(why.author(), now);
            if (old != null) {
                removed.remove(id);
            }
            if (!same) {
                changes.add(new KbChange(0, KbChange.Kind.EXAMPLE, String.valueOf(id), stamp.revision(),
                        old == null ? null : KbJson.of(ExampleDraft.of(old)), KbJson.of(draft), why.author(), why.comment(), now));
            }
            saved.add(new KbExample(id, draft.intent(), draft.text(), draft.faqIds(), place, stamp));
        }
        for (long id : removed) {
            KbExample old = snapshot.example(id).orElseThrow();
            changes.add(new KbChange(0, KbChange.Kind.EXAMPLE, String.valueOf(id), old.stamp().revision() + 1,
                    KbJson.of(ExampleDraft.of(old)), null, why.author(), why.comment(), now));
        }
        return new ExamplePlan(saved, removed);
    }
}
