package dev.kefu.intent;

import java.util.List;
import java.util.Objects;

/**
 * One line of a labeled corpus file: the label, the raw text, the FAQ entries that answer it
 * (the optional third column; empty when the line names none) and where it came from.
 */
public record LabeledText(String label, String text, List<String> faqIds, int line) {
    public LabeledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        faqIds = List.copyOf(faqIds);
        if (label.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("label and text must not be blank");
        }
    }

    /** A line without FAQ ids. */
    public LabeledText(String label, String text, int line) {
        this(label, text, List.of(), line);
    }

    /** True when the line names the FAQ entries that answer it. */
    public boolean hasAnswers() {
        return !faqIds.isEmpty();
    }
}
