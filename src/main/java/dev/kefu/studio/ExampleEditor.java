package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/**
 * Edits of the draft intent examples (lines of {@code intents.tsv}), with the same guarantees as
 * {@link KbEditor}'s: field rules, the loaders over the whole draft, every change recorded,
 * stale revisions refused. Thread-safe.
 */
public final class ExampleEditor {
    private final KbEditor kb;

    public ExampleEditor(KbEditor kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** Adds an example, after the last one of its intent. */
    public KbExample create(ExampleDraft draft, KbEditor.Change why) {
        return kb.edit(snapshot -> {
            ExampleDraft checked = ExampleRules.check(draft, 0, snapshot);
            long position = KbSnapshot.positionAfter(
                    snapshot.examples().stream().filter(e -> e.intent().equals(checked.intent()))
                            .map(e -> e.place().position()).toList(),
                    snapshot.examples().stream().map(e -> e.place().position()).toList());
            KbExample example = new KbExample(snapshot.nextExampleId(), checked.intent(), checked.text(), checked.faqIds(),
                    Placement.at(position), new Stamp(1, why.author(), kb.clock().instant()));
            return KbEdit.example(example, change(example.id(), 1, null, checked, why), example);
        });
    }

    /** Replaces example {@code id}, whose current revision must be {@code revision}. */
    public KbExample update(long id, long revision, ExampleDraft draft, KbEditor.Change why) {
        return kb.edit(snapshot -> saved(current(snapshot, id, revision), ExampleRules.check(draft, id, snapshot), why));
    }

    /** Removes example {@code id} at {@code revision}. */
    public KbExample remove(long id, long revision, KbEditor.Change why) {
        return kb.edit(snapshot -> {
            KbExample current = current(snapshot, id, revision);
            return KbEdit.exampleRemoved(id, change(id, revision + 1, ExampleDraft.of(current), null, why), current);
        });
    }

    /** Brings example {@code id} back to what change {@code changeId} saved (see {@link KbEditor#restore}). */
    public KbExample restore(long id, long changeId, long revision, KbEditor.Change why) {
        KbChange change = kb.store().change(changeId)
                .filter(c -> c.kind() == KbChange.Kind.EXAMPLE && c.item().equals(String.valueOf(id)))
                .orElseThrow(() -> KbException.notFound("example " + id + " has no change " + changeId));
        if (change.after() == null) {
            throw KbException.invalid("change", "change " + changeId + " removed the example; restore a change that saved it");
        }
        ExampleDraft target = KbJson.example(change.after());
        return kb.edit(snapshot -> {
            if (snapshot.example(id).isPresent()) {
                return saved(current(snapshot, id, revision), ExampleRules.check(target, id, snapshot), why);
            }
            ExampleDraft checked = ExampleRules.check(target, id, snapshot);
            long next = kb.history(KbChange.Kind.EXAMPLE, String.valueOf(id)).stream()
                    .mapToLong(KbChange::revision).max().orElse(0) + 1;
            KbExample back = new KbExample(id, checked.intent(), checked.text(), checked.faqIds(),
                    Placement.at(KbSnapshot.positionAfter(snapshot.examples().stream()
                            .filter(e -> e.intent().equals(checked.intent())).map(e -> e.place().position()).toList(),
                            snapshot.examples().stream().map(e -> e.place().position()).toList())),
                    new Stamp(next, why.author(), kb.clock().instant()));
            return KbEdit.example(back, change(id, next, null, checked, why), back);
        });
    }

    private KbEdit<KbExample> saved(KbExample current, ExampleDraft checked, KbEditor.Change why) {
        KbExample saved = current.with(checked.intent(), checked.text(), checked.faqIds(),
                current.stamp().next(why.author(), kb.clock().instant()));
        return KbEdit.example(saved, change(current.id(), saved.stamp().revision(), ExampleDraft.of(current), checked, why),
                saved);
    }

    private KbChange change(long id, long revision, ExampleDraft before, ExampleDraft after, KbEditor.Change why) {
        return new KbChange(0, KbChange.Kind.EXAMPLE, String.valueOf(id), revision,
                before == null ? null : KbJson.of(before), after == null ? null : KbJson.of(after), why.author(),
                why.comment(), kb.clock().instant());
    }

    private KbExample current(KbSnapshot snapshot, long id, long revision) {
        KbExample current = snapshot.example(id).orElseThrow(() -> KbException.notFound("no intent example " + id));
        if (current.stamp().revision() != revision) {
            List<KbChange> history = kb.history(KbChange.Kind.EXAMPLE, String.valueOf(id));
            throw KbException.stale("example " + id + " is at revision " + current.stamp().revision() + ", not "
                    + revision + ": " + current.stamp().by() + " saved it meanwhile; reload it and apply your change again",
                    current, history.isEmpty() ? null : history.get(history.size() - 1));
        }
        return current;
    }
}
