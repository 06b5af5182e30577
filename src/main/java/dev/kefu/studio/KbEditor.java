package dev.kefu.studio;

import dev.kefu.faq.FaqEntry;
import dev.kefu.text.CorpusException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Edits of the draft FAQ entries, each planned on a snapshot of the whole draft and applied in one
 * transaction: field rules first (errors name the field), then the loaders over the draft as it
 * would be exported, so the files {@code kefu corpus export} writes always train. Every change is
 * recorded with its author and comment. Thread-safe.
 */
public final class KbEditor {
    private final KbStore store;
    private final Clock clock;

    public KbEditor(KbStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The draft now. */
    public KbSnapshot snapshot() {
        return store.snapshot();
    }

    /** The changes of entry {@code id}, oldest first (also after its removal). */
    public List<KbChange> history(KbChange.Kind kind, String item) {
        return store.history(kind, item);
    }

    /** Creates entry {@code draft.id()}, placed after the last entry of its intent. */
    public KbEntry create(EntryDraft draft, Change why) {
        return edit(kb -> {
            FaqEntry entry = EntryRules.check(draft, kb);
            if (kb.entry(entry.id()).isPresent()) {
                throw KbException.invalid("id", "an entry '" + entry.id() + "' exists already");
            }
            return created(kb, entry, why);
        });
    }

    /** Replaces the content of entry {@code id}, whose current revision must be {@code revision}. */
    public KbEntry update(String id, long revision, EntryDraft draft, Change why) {
        return edit(kb -> {
            KbEntry current = current(kb, id, revision);
            if (!draft.id().strip().equals(id)) {
                throw KbException.invalid("id", "an entry's id cannot change (was '" + id + "'); create a new entry instead");
            }
            return saved(current, EntryRules.check(draft, kb), why);
        });
    }

    /**
     * Adds {@code phrasing} to entry {@code id} as a paraphrase (whatever its revision: adding does
     * not overwrite anyone's edit); {@link KbException.Problem#TAKEN} when another entry has it.
     */
    public KbEntry addPhrasing(String id, String phrasing, Change why) {
        return edit(kb -> {
            KbEntry current = kb.entry(id).orElseThrow(() -> KbException.notFound("no FAQ entry '" + id + "'"));
            String text = EntryRules.line("text", phrasing);
            String owner = EntryRules.owner(text, id, kb);
            if (owner != null) {
                throw KbException.taken("text", "'" + text + "' is already a phrasing of entry '" + owner + "'");
            }
            if (current.faq().phrasings().contains(text)) {
                throw KbException.taken("text", "'" + text + "' is already a phrasing of this entry");
            }
            return saved(current, EntryRules.check(EntryDraft.of(current.faq()).plus(text), kb), why);
        });
    }

    /** Removes entry {@code id} at {@code revision}; refused while examples or eval lines name it. */
    public KbEntry remove(String id, long revision, Change why) {
        return edit(kb -> {
            KbEntry current = current(kb, id, revision);
            KbChange change = new KbChange(0, KbChange.Kind.ENTRY, id, revision + 1, KbJson.of(current.faq()), null,
                    why.author(), why.comment(), clock.instant());
            return KbEdit.entryRemoved(id, change, current);
        });
    }

    /**
     * Brings entry {@code id} back to what change {@code changeId} saved: over the entry at
     * {@code revision}, or as a new entry when it was removed (then {@code revision} is ignored).
     */
    public KbEntry restore(String id, long changeId, long revision, Change why) {
        KbChange change = store.change(changeId).filter(c -> c.kind() == KbChange.Kind.ENTRY && c.item().equals(id))
                .orElseThrow(() -> KbException.notFound("entry '" + id + "' has no change " + changeId));
        if (change.after() == null) {
            throw KbException.invalid("change", "change " + changeId + " removed the entry; restore a change that saved it");
        }
        EntryDraft target = EntryDraft.of(KbJson.entry(change.after()));
        return edit(kb -> kb.entry(id).isEmpty() ? created(kb, EntryRules.check(target, kb), why)
                : saved(current(kb, id, revision), EntryRules.check(target, kb), why));
    }

    private KbEdit<KbEntry> created(KbSnapshot kb, FaqEntry entry, Change why) {
        long position = KbSnapshot.positionAfter(
                kb.entries().stream().filter(e -> e.faq().intent().equals(entry.intent())).map(e -> e.place().position()).toList(),
                kb.entries().stream().map(e -> e.place().position()).toList());
        long revision = store.history(KbChange.Kind.ENTRY, entry.id()).stream().mapToLong(KbChange::revision).max().orElse(0) + 1;
        KbEntry created = new KbEntry(entry, Placement.at(position), new Stamp(revision, why.author(), clock.instant()));
        KbChange change = new KbChange(0, KbChange.Kind.ENTRY, entry.id(), revision, null, KbJson.of(entry), why.author(),
                why.comment(), clock.instant());
        return KbEdit.entry(created, change, created);
    }

    private KbEdit<KbEntry> saved(KbEntry current, FaqEntry entry, Change why) {
        KbEntry saved = new KbEntry(entry, current.place(), current.stamp().next(why.author(), clock.instant()));
        KbChange change = new KbChange(0, KbChange.Kind.ENTRY, entry.id(), saved.stamp().revision(),
                KbJson.of(current.faq()), KbJson.of(entry), why.author(), why.comment(), clock.instant());
        return KbEdit.entry(saved, change, saved);
    }

    /** Entry {@code id} when its revision is {@code revision}; 404 or a stale-revision refusal otherwise. */
    private KbEntry current(KbSnapshot kb, String id, long revision) {
        KbEntry current = kb.entry(id).orElseThrow(() -> KbException.notFound("no FAQ entry '" + id + "'"));
        if (current.stamp().revision() != revision) {
            List<KbChange> history = store.history(KbChange.Kind.ENTRY, id);
            throw KbException.stale("entry '" + id + "' is at revision " + current.stamp().revision() + ", not " + revision
                    + ": " + current.stamp().by() + " saved it meanwhile; reload it and apply your change again",
                    current, history.isEmpty() ? null : history.get(history.size() - 1));
        }
        return current;
    }

    /**
     * Keeps {@code text} as the draft's file {@code name} (a file the corpus loaders do not read,
     * such as the lines marked "must not break"); no change is recorded.
     */
    public void keepFile(String name, String text) {
        edit(snapshot -> new KbEdit<>(List.of(), java.util.Set.of(), List.of(), java.util.Set.of(), java.util.Map.of(name, text),
                List.of(), name));
    }

    /** Applies {@code plan} after checking that the draft it leaves still loads as a corpus. */
    <T> T edit(Function<KbSnapshot, KbEdit<T>> plan) {
        return store.edit(kb -> {
            KbEdit<T> edit = plan.apply(kb);
            requireLoadable(Drafts.applied(kb, edit));
            return edit;
        });
    }

    static void requireLoadable(KbSnapshot draft) {
        try {
            CorpusCheck.load(CorpusFormat.render(draft), Path.of("corpus"));
        } catch (CorpusException e) {
            throw KbException.invalid("corpus", "the change would make the corpus unloadable: " + e.getMessage());
        }
    }

    Clock clock() {
        return clock;
    }

    KbStore store() {
        return store;
    }

    /** Who makes a change and why. */
    public record Change(String author, String comment) {
        public Change {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(comment, "comment");
            if (comment.isBlank()) {
                throw KbException.invalid("comment", "say why you make this change");
            }
        }
    }
}
