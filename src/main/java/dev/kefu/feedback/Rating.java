package dev.kefu.feedback;

import java.util.Objects;

/**
 * A user's rating of one answer of a conversation, which names the answer by its transcript
 * {@code messageId}, or by its {@code faqId} (the latest answer with that entry), or both.
 */
public record Rating(String conversationId, Long messageId, String faqId, boolean helpful) {
    public Rating {
        Objects.requireNonNull(conversationId, "conversationId");
        if (messageId == null && faqId == null) {
            throw new IllegalArgumentException("a rating names its answer by messageId or faqId");
        }
    }
}
