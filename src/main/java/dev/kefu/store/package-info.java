/**
 * Durable state in a SQL database, an embedded SQLite file by default or a PostgreSQL server that
 * several instances share: the connection pool, the versioned migrations (Flyway,
 * {@code db/migration/common} plus {@code db/migration/postgresql}), the broadcast of live events
 * between instances, and the adapters behind {@link dev.kefu.dialog.ConversationStore},
 * {@link dev.kefu.dialog.Transcripts}, {@link dev.kefu.handoff.HandoffQueue}, the ticket, channel
 * and feedback stores, the decision log and the review inbox ({@code studio.review}). The only
 * package that imports JDBC.
 */
package dev.kefu.store;
