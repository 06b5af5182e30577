package dev.kefu.channel.http;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Live event streams (SSE) of the conversations that have a browser listening. Thread-safe; a
 * client that fails to receive is dropped.
 */
final class EventHub {
    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();

    void add(String conversationId, SseClient client) {
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
        clients.computeIfPresent(conversationId, (id, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }
}
