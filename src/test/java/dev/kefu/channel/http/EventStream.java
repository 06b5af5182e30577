package dev.kefu.channel.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent-events connection whose events are read in the background, for assertions. */
final class EventStream implements AutoCloseable {
    /** One event: its name and its data line. */
    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    EventStream(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).GET().build();
        String[] name = {null};
        response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("event: ")) {
                            name[0] = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            events.add(new Event(name[0], line.substring(6)));
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
    }

    /** The next event called {@code name} (others are skipped), waiting up to 10 s. */
    Event next(String name) throws InterruptedException {
        return nextMatching(name, data -> true);
    }

    /** The next event called {@code name} whose data passes {@code test} (others are skipped), within 10 s. */
    Event nextMatching(String name, java.util.function.Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && name.equals(event.name()) && test.test(event.data())) {
                return event;
            }
        }
        throw new AssertionError("no matching '" + name + "' event within 10 s");
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
