package dev.kefu.studio;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole draft at one moment: entries and examples in file order, and the files kept verbatim
 * ({@link CorpusFormat#SYNONYMS}, {@link CorpusFormat#EVAL}) or in part (headers and trailers of the
 * other two). {@code draftRevision} counts the edits ever applied; {@code lastExampleId} is the highest
 * example id ever used (ids of removed examples are not given again, so histories stay apart).
 */
public record KbSnapshot(long draftRevision, List<KbEntry> entries, List<KbExample> examples, Map<String, String> files,
                         long lastExampleId) {
    private static final Comparator<KbEntry> ENTRY_ORDER =
            Comparator.comparingLong((KbEntry e) -> e.place().position()).thenComparing(KbEntry::id);
    private static final Comparator<KbExample> EXAMPLE_ORDER =
            Comparator.comparingLong((KbExample e) -> e.place().position()).thenComparingLong(KbExample::id);

    public KbSnapshot {
        entries = entries.stream().sorted(ENTRY_ORDER).toList();
        examples = examples.stream().sorted(EXAMPLE_ORDER).toList();
        files = Map.copyOf(files);
    }

    /** The entry {@code id}, if the draft has it. */
    public Optional<KbEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The example {@code id}, if the draft has it. */
    public Optional<KbExample> example(long id) {
        return examples.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The file {@code name} kept by the draft, or "" when it has none. */
    public String file(String name) {
        return files.getOrDefault(name, "");
    }

    /** True when nothing was imported or created yet. */
    public boolean isEmpty() {
        return entries.isEmpty() && examples.isEmpty();
    }

    /** The next example id never used. */
    long nextExampleId() {
        return Math.max(lastExampleId, examples.stream().mapToLong(KbExample::id).max().orElse(0)) + 1;
    }

    /**
     * Where a new item of {@code intent} goes: just after the last one of the same intent, else at
     * the end. Positions are spaced {@value CorpusFormat#SPACING} apart at import, so a million
     * additions behind one item fit before its neighbour.
     */
    static long positionAfter(List<Long> sameIntent, List<Long> all) {
        if (!sameIntent.isEmpty()) {
            return sameIntent.stream().mapToLong(Long::longValue).max().orElseThrow() + 1;
        }
        return all.stream().mapToLong(Long::longValue).max().orElse(0) + CorpusFormat.SPACING;
    }
}
