package dev.kefu.dialog.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a conversation's transcript. {@code role} is {@code user}, {@code bot},
 * {@code agent} or {@code system}; the decision fields are set on bot lines only, {@code faqId} on
 * answers only, and {@code agent} (the agent's name) on agent lines only.
 */
public record TranscriptMessage(long id, String role, String text, Instant time, String action, String intent,
                                Double confidence, String reason, String faqId, String agent) {
    public TranscriptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
    }
}
