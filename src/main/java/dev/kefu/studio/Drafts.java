package dev.kefu.studio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A snapshot with an edit applied in memory: what the draft will be once the edit commits. */
final class Drafts {
    private Drafts() {
    }

    static KbSnapshot applied(KbSnapshot kb, KbEdit<?> edit) {
        Map<String, KbEntry> entries = new HashMap<>();
        kb.entries().forEach(e -> entries.put(e.id(), e));
        edit.removedEntries().forEach(entries::remove);
        edit.savedEntries().forEach(e -> entries.put(e.id(), e));
        Map<Long, KbExample> examples = new HashMap<>();
        kb.examples().forEach(e -> examples.put(e.id(), e));
        edit.removedExamples().forEach(examples::remove);
        edit.savedExamples().forEach(e -> examples.put(e.id(), e));
        Map<String, String> files = new HashMap<>(kb.files());
        files.putAll(edit.files());
        return new KbSnapshot(kb.draftRevision() + 1, new ArrayList<>(entries.values()), List.copyOf(examples.values()), files,
                Math.max(kb.lastExampleId(), examples.keySet().stream().mapToLong(Long::longValue).max().orElse(0)));
    }
}
