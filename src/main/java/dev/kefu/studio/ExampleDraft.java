package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/** The fields of an intent example an admin edits: label, text and the FAQ ids that answer it. */
public record ExampleDraft(String intent, String text, List<String> faqIds) {
    public ExampleDraft {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        faqIds = List.copyOf(faqIds);
    }

    static ExampleDraft of(KbExample example) {
        return new ExampleDraft(example.intent(), example.text(), example.faqIds());
    }
}
