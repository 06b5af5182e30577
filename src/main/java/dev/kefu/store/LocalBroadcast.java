package dev.kefu.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Broadcast within this process only: one kefu instance on an embedded database. Thread-safe. */
public final class LocalBroadcast implements Broadcast {
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String message) {
        subscribers.forEach(subscriber -> subscriber.accept(message));
    }

    @Override
    public void subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void close() {
        subscribers.clear();
    }
}
