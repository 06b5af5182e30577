package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/** The fields of an FAQ entry as an admin sent them, not yet checked (see {@link EntryRules}). */
public record EntryDraft(String id, String intent, String question, List<String> paraphrases, String answer) {
    public EntryDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(question, "question");
        paraphrases = List.copyOf(paraphrases);
        Objects.requireNonNull(answer, "answer");
    }

    /** The same entry with one more paraphrase. */
    public EntryDraft plus(String paraphrase) {
        List<String> more = new java.util.ArrayList<>(paraphrases);
        more.add(paraphrase);
        return new EntryDraft(id, intent, question, more, answer);
    }

    static EntryDraft of(dev.kefu.faq.FaqEntry entry) {
        return new EntryDraft(entry.id(), entry.intent(), entry.question(), entry.paraphrases(), entry.answer());
    }
}
