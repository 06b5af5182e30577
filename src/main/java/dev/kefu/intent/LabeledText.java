package dev.kefu.intent;

import java.util.Objects;

/** One line of a labeled corpus file: the label, the raw text and where it came from. */
public record LabeledText(String label, String text, int line) {
    public LabeledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (label.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("label and text must not be blank");
        }
    }
}
