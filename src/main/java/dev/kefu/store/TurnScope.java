package dev.kefu.store;

import dev.kefu.dialog.conversation.Reply;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Work that the turns recorded on one thread, while {@link #with} runs, do in their own
 * transaction: a webhook message's idempotency key is written together with the turn that answers
 * it, so that a crash keeps both or neither (issue 17: claim, turn and reply were three
 * transactions, and a resend after {@code kill -9} was answered twice). The turn is recorded on the
 * thread that asks for the reply ({@code TurnOrder}), so a thread-local carries the work from the
 * webhook route to the store without threading it through the engine. Thread-safe.
 */
final class TurnScope {
    /** Runs inside the transaction of a recorded turn; throwing rolls the turn back. */
    interface Hook {
        void recorded(Connection c, String conversationId, Reply reply, long botMessageId) throws SQLException;
    }

    private final ThreadLocal<Hook> current = new ThreadLocal<>();

    <T> T with(Hook hook, Supplier<T> work) {
        Objects.requireNonNull(hook, "hook");
        Hook outer = current.get();
        current.set(hook);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The hook of the current thread, or null. */
    Hook current() {
        return current.get();
    }
}
