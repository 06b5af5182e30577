/**
 * Durable state in a SQL database (SQLite by default): the connection pool, the versioned
 * migrations (Flyway, {@code db/migration/sqlite}) and the adapters behind
 * {@link dev.kefu.dialog.ConversationStore}, {@link dev.kefu.dialog.Transcripts} and
 * {@link dev.kefu.handoff.HandoffQueue}. The only package that imports JDBC.
 */
package dev.kefu.store;
