package dev.kefu.channel.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A POST/GET with timeouts on every call; non-2xx and I/O failures become
 * {@link OutboundSender.DeliveryException}: permanent for a 4xx other than 408 and 429 (the receiver
 * refuses the message: retrying cannot help), transient otherwise.
 */
final class HttpDelivery {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final DeliveryNotes notes = new DeliveryNotes();

    String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 4 && status != 408 && status != 429) { // the receiver refuses this very message
                throw OutboundSender.DeliveryException.permanent("HTTP " + status + " from " + request.build().uri(),
                        notes.reason("callback.refused", java.util.Map.of("status", String.valueOf(status))));
            }
            if (status / 100 != 2) {
                throw new OutboundSender.DeliveryException("HTTP " + status + " from " + request.build().uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new OutboundSender.DeliveryException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundSender.DeliveryException("interrupted", e);
        }
    }

    static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
