/**
 * Step 6 of the pipeline: the conversation. {@link dev.kefu.dialog.ChatEngine} runs the steps for
 * one message ({@link dev.kefu.dialog.Analyzer}: normalize, tokenize, classify, rank, with a bounded
 * cache) and records the turn, one turn of a conversation at a time
 * ({@link dev.kefu.dialog.TurnOrder}); {@link dev.kefu.dialog.ReplyRenderer} turns the decision into
 * Chinese text from {@code replies.properties}. The decision itself is made in
 * {@code dialog.policy}, and what a turn produces and where it is kept is {@code dialog.conversation}.
 * Depends on {@code text}, {@code intent}, {@code faq} and {@code answer} through their interfaces
 * only.
 */
package dev.kefu.dialog;
