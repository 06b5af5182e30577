package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.Intents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FAQ entries by id and by intent, in corpus order: the first entry of an intent is its
 * default answer, and the first entries of the first topics are what a fallback offers.
 * Immutable and thread-safe.
 */
final class FaqCatalog {
    /** Topics offered by a fallback. */
    private static final int FALLBACK_TOPICS = 4;

    private final Map<String, FaqEntry> byId = new LinkedHashMap<>();
    private final Map<String, List<FaqEntry>> byIntent = new LinkedHashMap<>();
    private final List<FaqEntry> topics;

    FaqCatalog(List<FaqEntry> entries) {
        for (FaqEntry entry : entries) {
            byId.put(entry.id(), entry);
            byIntent.computeIfAbsent(entry.intent(), k -> new ArrayList<>()).add(entry);
        }
        topics = byIntent.values().stream().map(list -> list.get(0))
                .filter(e -> !Intents.isSmallTalk(e.intent())).limit(FALLBACK_TOPICS).toList();
    }

    Optional<FaqEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The default answer of {@code intent}, or null when it has no entry. */
    FaqEntry primary(String intent) {
        List<FaqEntry> entries = byIntent.get(intent);
        return entries == null ? null : entries.get(0);
    }

    /** Every entry of {@code intent}, in corpus order. */
    List<FaqEntry> of(String intent) {
        return List.copyOf(byIntent.getOrDefault(intent, List.of()));
    }

    boolean hasIntent(String intent) {
        return byIntent.containsKey(intent);
    }

    /** The main topics, offered when the bot does not understand. */
    List<FaqEntry> topics() {
        return topics;
    }
}
