/**
 * What a turn produces and where conversations are kept: the {@link dev.kefu.dialog.conversation.Reply}
 * a user reads, the {@link dev.kefu.dialog.conversation.Turn} that records it with its
 * {@link dev.kefu.dialog.conversation.DecisionRecord} (why the bot replied so: the decision log), the
 * {@link dev.kefu.dialog.conversation.ConversationStore} contract (a stale turn is refused with
 * {@link dev.kefu.dialog.conversation.StaleTurnException}) with two in-process stores for the CLI
 * and benchmarks, transcripts, and conversation ids. Depends on {@code dialog.policy}, {@code intent}
 * and {@code faq}.
 */
package dev.kefu.dialog.conversation;
