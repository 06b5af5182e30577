package dev.kefu.store;

import java.util.function.Consumer;

/**
 * Small text messages (live events as JSON) to every kefu process that shares the database, the
 * sending one included, in the order they were sent. Delivery is best-effort: a process that is
 * disconnected while a message is sent does not get it. Thread-safe.
 */
public interface Broadcast extends AutoCloseable {
    /** The largest message, in UTF-8 bytes, that reaches other processes (PostgreSQL's NOTIFY limit). */
    int MAX_BYTES = 7_900;

    /** Sends {@code message}; never throws (a failure is logged and the message reaches this process only). */
    void publish(String message);

    /** Calls {@code subscriber} with every message from now on, on a delivery thread. */
    void subscribe(Consumer<String> subscriber);

    /** Whether messages from other processes are being received now (always, for a single process). */
    boolean isConnected();

    @Override
    void close();
}
