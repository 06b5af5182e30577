package dev.kefu.dialog.conversation;

import java.util.Objects;

/** A question the user can pick instead of typing (an FAQ entry's id and canonical question). */
public record Suggestion(String faqId, String question) {
    public Suggestion {
        Objects.requireNonNull(faqId, "faqId");
        Objects.requireNonNull(question, "question");
    }
}
