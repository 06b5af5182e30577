/**
 * Step 5 of the pipeline: the conversation. {@link dev.kefu.dialog.ChatEngine} runs the steps for
 * one message; {@link dev.kefu.dialog.DecisionPolicy} (pure, no I/O) chooses to answer, clarify,
 * fall back or hand off, always with a reason, after {@link dev.kefu.dialog.ContextRules} has read
 * the message against what the bot said last (a choice, a follow-up, 「不是这个」); {@link dev.kefu.dialog.ReplyRenderer} turns the
 * decision into Chinese text from {@code replies.properties}. Depends on {@code text},
 * {@code intent} and {@code faq} through their interfaces only.
 */
package dev.kefu.dialog;
