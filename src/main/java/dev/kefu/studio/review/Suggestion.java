package dev.kefu.studio.review;

import java.util.Objects;

/** The entry the answer ranker finds best for a message, with its score (0..1): the one it is suggested for. */
public record Suggestion(String faqId, String question, double score) {
    public Suggestion {
        Objects.requireNonNull(faqId, "faqId");
        Objects.requireNonNull(question, "question");
    }
}
