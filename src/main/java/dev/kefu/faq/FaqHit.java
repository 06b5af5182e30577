package dev.kefu.faq;

import java.util.Objects;

/** An FAQ entry found for a message, with its BM25 score (higher is better, unbounded). */
public record FaqHit(FaqEntry entry, double score) {
    public FaqHit {
        Objects.requireNonNull(entry, "entry");
        if (!(score >= 0)) {
            throw new IllegalArgumentException("score must be >= 0, was " + score);
        }
    }
}
