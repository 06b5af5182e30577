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
 *
 * <p>Every event has an {@code id:}: the time (epoch milliseconds) of the latest message the stream
 * has carried, so a client that reconnects with {@code Last-Event-ID} is sent the messages after it
 * ({@link MessageRoutes#events}). The stream first tells the client to reconnect after
 * {@value #RETRY_MILLIS} ms ({@code retry:}).
 */
final class EventHub {
    static final int MAX_PER_CLIENT = 10;
    static final int MAX_TOTAL = 5_000;
    static final int RETRY_MILLIS = 3_000;
    private static final String LAST_ID = "kefu.lastEventId";

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
        long time = data instanceof com.fasterxml.jackson.databind.JsonNode node && node.hasNonNull("time")
                ? millis(node.get("time").asText()) : 0;
        for (SseClient client : clients.getOrDefault(conversationId, Set.of())) {
            send(conversationId, client, c -> send(c, event, Objects.requireNonNull(data), time));
        }
    }

    /**
     * Starts a stream: {@code retry:}, and the id its events carry from now on, the time of the last
     * message it has (0 for none).
     */
    static void start(SseClient client, long lastId) {
        client.ctx().attribute(LAST_ID, new java.util.concurrent.atomic.AtomicLong(lastId));
        try {
            var out = client.ctx().res().getOutputStream();
            out.write(("retry: " + RETRY_MILLIS + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            client.close();
        }
    }

    /** Sends one event with its id; a message's time (epoch ms, 0 for other events) moves the id on. */
    static void send(SseClient client, String event, Object data, long messageTime) {
        java.util.concurrent.atomic.AtomicLong last = client.ctx().attribute(LAST_ID);
        long id = last == null ? messageTime : last.accumulateAndGet(messageTime, Math::max);
        client.sendEvent(event, data, String.valueOf(id));
    }

    /** Epoch milliseconds of an ISO-8601 instant; 0 when it is none. */
    static long millis(String instant) {
        try {
            return java.time.Instant.parse(instant).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
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
