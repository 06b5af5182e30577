/**
 * The decision for one message, pure (no I/O): {@link dev.kefu.dialog.policy.DecisionPolicy}
 * chooses to answer, clarify, fall back or hand off, always with a
 * {@link dev.kefu.dialog.policy.Reason}, after {@link dev.kefu.dialog.policy.ContextRules} has read
 * the message against what the bot said last (a choice, a follow-up, 「不是这个」), with the words of
 * {@code cues.properties} and the numbers of {@link dev.kefu.dialog.policy.Thresholds}. Also the
 * state a decision reads ({@link dev.kefu.dialog.policy.ConversationState}). Depends on
 * {@code intent} and {@code faq} only.
 */
package dev.kefu.dialog.policy;
