package dev.kefu.studio.review;

import java.time.Instant;
import java.util.Optional;

/** The decision log as stored beside the transcripts. Implementations are thread-safe. */
public interface DecisionLog {
    /**
     * The decision behind bot message {@code messageId}; empty when it has none (or is no bot
     * message), or, with {@code handedOffOnly}, when its conversation never had a ticket: agents
     * see the conversations that reached the desk, not every chat with the bot.
     */
    Optional<LoggedDecision> decision(long messageId, boolean handedOffOnly);

    /**
     * Hands every logged decision made at or after {@code from} and before {@code to} to
     * {@code sink}, oldest first, one at a time as they are read: a long period is never held in memory.
     */
    void export(Instant from, Instant to, Sink sink);

    /** Where exported decisions go; may throw to stop the export (an I/O error of the client). */
    @FunctionalInterface
    interface Sink {
        void accept(LoggedDecision decision);
    }
}
