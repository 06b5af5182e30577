package dev.kefu.dialog;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.StaleTurnException;
import dev.kefu.dialog.conversation.Turn;
import dev.kefu.dialog.policy.ConversationState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs the turns of one conversation one after another. In this process a turn waits for the one
 * before it (a double tap, a webhook resend), so that it starts from the state that turn left. A
 * turn that still loses to another process on the same database ({@link StaleTurnException}) is
 * computed again from the state as stored now, this time with the conversation locked against
 * other processes ({@link ConversationStore#recordLocked}): optimistic first, because the normal
 * turn has no rival, and locked after a loss, because a rival that keeps sending would otherwise
 * win again and again. At most {@value #ATTEMPTS} attempts. Thread-safe.
 */
final class TurnOrder {
    /**
     * Attempts of one turn. A locked attempt only fails when the conversation was started or
     * deleted meanwhile by another process; five is a bound, not an expectation.
     */
    static final int ATTEMPTS = 5;

    private final ConversationStore store;
    /** The lock of each conversation with a turn running or waiting; removed when the last one leaves. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    TurnOrder(ConversationStore store) {
        this.store = store;
    }

    /**
     * Computes a turn of {@code conversationId} with {@code compute} and records it, once no other
     * turn of it runs here. {@code read} is the state the caller has just read, or null to read it
     * here; it is read again after waiting.
     *
     * @throws StaleTurnException when every attempt lost to another process
     */
    ConversationStore.Recorded run(String conversationId, ConversationState read,
                                   Function<ConversationState, Turn> compute) {
        Slot slot = slots.compute(conversationId, (id, held) -> held == null ? new Slot() : held.enter());
        boolean waited = !slot.lock.tryLock();
        if (waited) {
            slot.lock.lock();
        }
        try {
            Turn turn = compute.apply(read == null || waited ? stored(conversationId) : read);
            try {
                return new ConversationStore.Recorded(turn, store.record(conversationId, turn));
            } catch (StaleTurnException lost) {
                return locked(conversationId, compute, lost);
            }
        } finally {
            slot.lock.unlock();
            slots.computeIfPresent(conversationId, (id, held) -> held.leave() ? null : held);
        }
    }

    private ConversationStore.Recorded locked(String conversationId, Function<ConversationState, Turn> compute,
                                              StaleTurnException lost) {
        for (int attempt = 2; ; attempt++) {
            try {
                return store.recordLocked(conversationId, compute);
            } catch (StaleTurnException again) {
                if (attempt == ATTEMPTS) {
                    again.addSuppressed(lost);
                    throw again;
                }
            }
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
