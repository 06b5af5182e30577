package dev.kefu.channel.http;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Live event streams (SSE) of the conversations that have a browser listening, at most
 * {@value #MAX_PER_CLIENT} open at once per client IP and {@value #MAX_TOTAL} in all (each holds a
 * socket and a little memory for as long as the page is open). Thread-safe; a client that fails
 * to receive is dropped.
 */
final class EventHub {
    static final int MAX_PER_CLIENT = 10;
    static final int MAX_TOTAL = 5_000;

    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final Map<SseClient, String> ipOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /**
     * Takes one of {@code ip}'s stream slots, checked and counted in one step (many streams opened
     * at once cannot all pass the check); false when it has none left. The slot is then
     * {@linkplain #add added} to, or {@linkplain #release released}.
     */
    boolean reserve(String ip) {
        if (total.incrementAndGet() > MAX_TOTAL) {
            total.decrementAndGet();
            return false;
        }
        boolean[] taken = {false};
        perIp.compute(ip, (k, open) -> {
            AtomicInteger count = open == null ? new AtomicInteger() : open;
            if (count.get() < MAX_PER_CLIENT) {
                count.incrementAndGet();
                taken[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!taken[0]) {
            total.decrementAndGet();
        }
        return taken[0];
    }

    /** Gives back a slot {@linkplain #reserve reserved} for a stream that did not open. */
    void release(String ip) {
        total.decrementAndGet();
        perIp.computeIfPresent(ip, (k, open) -> open.decrementAndGet() <= 0 ? null : open);
    }

    /** Adds a stream on the slot its client IP {@linkplain #reserve reserved}. */
    void add(String conversationId, SseClient client) {
        String ip = client.ctx().ip();
        ipOf.put(client, ip);
        clients.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> remove(conversationId, client));
    }

    /** Sends {@code event} with {@code data} (serialized as JSON) to every listener of the conversation. */
    void publish(String conversationId, String event, Object data) {
        for (SseClient client : clients.getOrDefault(conversationId, Set.of())) {
            send(conversationId, client, c -> c.sendEvent(event, Objects.requireNonNull(data)));
        }
    }

    /** Calls {@code action} for every listened-to conversation and each of its clients. */
    void forEach(BiConsumer<String, SseClient> action) {
        clients.forEach((id, set) -> set.forEach(client -> action.accept(id, client)));
    }

    int size() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void send(String conversationId, SseClient client, java.util.function.Consumer<SseClient> sending) {
        if (client.terminated()) {
            remove(conversationId, client);
            return;
        }
        sending.accept(client);
    }

    private void remove(String conversationId, SseClient client) {
        String ip = ipOf.remove(client);
        if (ip != null) {
            release(ip);
        }
        clients.computeIfPresent(conversationId, (id, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }
}
