package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.feedback.RatedAnswer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The server's metrics, scraped at {@code GET /metrics} in Prometheus text format: requests by
 * route, method and status with a latency histogram; decisions by action and intent; fallbacks
 * and handoffs by reason; ratings of answers by verdict; turns refused because their conversation
 * changed meanwhile. Thread-safe.
 */
final class HttpMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    void request(String route, String method, int status, double millis) {
        Timer.builder("kefu.http.requests")
                .description("HTTP requests by route, method and status")
                .tags("route", route, "method", method, "status", String.valueOf(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    void decision(Reply reply) {
        String intent = reply.intent() == null ? "none" : reply.intent();
        Counter.builder("kefu.decisions").description("Bot decisions by action and intent")
                .tags("action", reply.action().wireName(), "intent", intent).register(registry).increment();
        if (reply.action() == Action.FALLBACK) {
            Counter.builder("kefu.fallbacks").description("Fallbacks by reason")
                    .tag("reason", reply.reason()).register(registry).increment();
        }
        if (reply.action() == Action.HANDOFF) {
            Counter.builder("kefu.handoffs").description("Handoff decisions by reason")
                    .tag("reason", reply.reason()).register(registry).increment();
        }
    }

    /** Counts the turns {@code conversations} refuses because their conversation changed meanwhile. */
    void watch(ConversationStore conversations) {
        FunctionCounter.builder("kefu.turns.refused", conversations, ConversationStore::refusedTurns)
                .description("Turns refused because their conversation changed while they were computed; "
                        + "each is computed again, and the request fails (409) only after 5 refusals")
                .register(registry);
    }

    /** Counts what the slow-client defences ({@link JettyGuards}) turn away. */
    void watch(JettyGuards guards) {
        FunctionCounter.builder("kefu.http.connections.refused", guards, JettyGuards::connectionsRefused)
                .description("Connections closed as they opened: their client IP had as many open as it may")
                .register(registry);
        FunctionCounter.builder("kefu.http.requests.cut.off", guards, JettyGuards::requestsCutOff)
                .description("Connections closed because a request had not arrived whole within the read deadline")
                .register(registry);
        FunctionCounter.builder("kefu.http.bodies.refused", guards, JettyGuards::bodiesRefused)
                .description("Requests with a body refused (429): their client IP had as many bodies in flight as it may")
                .register(registry);
    }

    void feedback(RatedAnswer rated) {
        Counter.builder("kefu.feedback").description("Ratings of answers by users")
                .tag("helpful", String.valueOf(rated.helpful())).register(registry).increment();
    }

    String scrape() {
        return registry.scrape();
    }
}
