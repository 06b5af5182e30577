package dev.kefu.dialog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs the turns of one conversation one after another. In this process a turn waits for the one
 * before it (a double tap, a webhook resend), so that it starts from the state that turn left; a
 * turn that still loses to another process on the same database ({@link StaleTurnException}) is
 * computed again from the state as stored now, up to {@value #ATTEMPTS} times. Thread-safe.
 */
final class TurnOrder {
    /**
     * Attempts of one turn. Only turns of other processes can make an attempt fail (this process
     * runs one at a time), and each failure means one of theirs was kept: five is plenty for a
     * handful of instances; beyond that the caller is told to send again.
     */
    static final int ATTEMPTS = 5;

    private final ConversationStore store;
    /** The lock of each conversation with a turn running or waiting; removed when the last one leaves. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    TurnOrder(ConversationStore store) {
        this.store = store;
    }

    /**
     * Runs {@code turn} (which computes and records one turn from the state it is given) for
     * {@code conversationId}, once no other turn of it runs here. {@code read} is the state the
     * caller has just read, or null to read it here; it is read again after waiting or losing.
     *
     * @throws StaleTurnException when every attempt lost to another process
     */
    <T> T run(String conversationId, ConversationState read, Function<ConversationState, T> turn) {
        Slot slot = slots.compute(conversationId, (id, held) -> held == null ? new Slot() : held.enter());
        boolean waited = !slot.lock.tryLock();
        if (waited) {
            slot.lock.lock();
        }
        try {
            ConversationState state = read == null || waited ? stored(conversationId) : read;
            for (int attempt = 1; ; attempt++) {
                try {
                    return turn.apply(state);
                } catch (StaleTurnException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    state = stored(conversationId);
                }
            }
        } finally {
            slot.lock.unlock();
            slots.computeIfPresent(conversationId, (id, held) -> held.leave() ? null : held);
        }
    }

    private ConversationState stored(String conversationId) {
        return store.find(conversationId).orElse(ConversationState.NEW);
    }

    /** A conversation's lock and how many turns hold it or wait for it (changed only inside the map's compute). */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        private int users = 1;

        Slot enter() {
            users++;
            return this;
        }

        /** True when no turn is left. */
        boolean leave() {
            return --users == 0;
        }
    }
}
