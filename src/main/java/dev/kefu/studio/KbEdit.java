package dev.kefu.studio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one edit writes, planned by {@link KbEditor} on a snapshot: items saved (inserted or
 * replaced), items removed, files replaced, and the changes recorded; {@code result} is what the
 * edit answers its caller.
 */
public record KbEdit<T>(List<KbEntry> savedEntries, Set<String> removedEntries, List<KbExample> savedExamples,
                        Set<Long> removedExamples, Map<String, String> files, List<KbChange> changes, T result) {
    public KbEdit {
        savedEntries = List.copyOf(savedEntries);
        removedEntries = Set.copyOf(removedEntries);
        savedExamples = List.copyOf(savedExamples);
        removedExamples = Set.copyOf(removedExamples);
        files = Map.copyOf(files);
        changes = List.copyOf(changes);
        Objects.requireNonNull(result, "result");
    }

    /** Saves one entry, recording {@code change}. */
    static <T> KbEdit<T> entry(KbEntry entry, KbChange change, T result) {
        return new KbEdit<>(List.of(entry), Set.of(), List.of(), Set.of(), Map.of(), List.of(change), result);
    }

    /** Removes one entry, recording {@code change}. */
    static <T> KbEdit<T> entryRemoved(String id, KbChange change, T result) {
        return new KbEdit<>(List.of(), Set.of(id), List.of(), Set.of(), Map.of(), List.of(change), result);
    }

    /** Saves one example, recording {@code change}. */
    static <T> KbEdit<T> example(KbExample example, KbChange change, T result) {
        return new KbEdit<>(List.of(), Set.of(), List.of(example), Set.of(), Map.of(), List.of(change), result);
    }

    /** Removes one example, recording {@code change}. */
    static <T> KbEdit<T> exampleRemoved(long id, KbChange change, T result) {
        return new KbEdit<>(List.of(), Set.of(), List.of(), Set.of(id), Map.of(), List.of(change), result);
    }
}
