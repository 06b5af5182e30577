package dev.kefu.feedback;

import java.util.Objects;

/** A stored rating: the answer it is about (transcript message and FAQ entry) and the verdict. */
public record RatedAnswer(String conversationId, long messageId, String faqId, boolean helpful) {
    public RatedAnswer {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(faqId, "faqId");
    }
}
