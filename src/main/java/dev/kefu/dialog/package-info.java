/**
 * Step 5 of the pipeline: the conversation. {@link dev.kefu.dialog.ChatEngine} runs the steps for
 * one message; {@link dev.kefu.dialog.DecisionPolicy} (pure, no I/O) chooses to answer, clarify,
 * fall back or hand off, always with a reason; {@link dev.kefu.dialog.ReplyRenderer} turns the
 * decision into Chinese text from {@code replies.properties}. Depends on {@code text},
 * {@code intent} and {@code faq} through their interfaces only.
 */
package dev.kefu.dialog;
