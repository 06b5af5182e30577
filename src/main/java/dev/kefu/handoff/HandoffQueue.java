package dev.kefu.handoff;

import java.util.Optional;

/**
 * The queue of conversations waiting for a person, ordered by priority then age.
 * Implementations are thread-safe.
 */
public interface HandoffQueue {
    /** The open ticket of {@code conversationId}, if it has one. */
    Optional<QueueStatus> status(String conversationId);
}
