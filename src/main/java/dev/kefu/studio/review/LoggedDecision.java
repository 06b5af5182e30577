package dev.kefu.studio.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One bot reply of the decision log as audit reads it back: where and when, the user message it
 * answered and the reply (both masked, as stored), the entry answered with, and the decision
 * record as stored (a JSON object, {@link dev.kefu.dialog.conversation.DecisionRecord#toJson()}).
 *
 * @param userText the user message the reply answered; empty when the transcript has none before it
 * @param faqId    the entry answered with, or null
 */
public record LoggedDecision(long messageId, String conversationId, Instant at, String userText, String replyText,
                             String faqId, String decisionJson) {
    public LoggedDecision {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(replyText, "replyText");
        Objects.requireNonNull(decisionJson, "decisionJson");
    }
}
