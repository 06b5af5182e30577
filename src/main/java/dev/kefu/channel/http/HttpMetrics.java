package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.feedback.RatedAnswer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's metrics, scraped at {@code GET /metrics} in Prometheus text format: requests by
 * route, method and status in a few latency buckets (service-level objectives, not hundreds of
 * percentile buckets; event streams are not requests here), inbound messages by channel; decisions
 * by action and intent, the answers' confidence, fallbacks and handoffs (tickets opened) by reason;
 * the handoff queue and how long tickets waited; live streams; ratings; turns refused; what the
 * slow-client defences turned away; JVM and process metrics. Counters with a known set of labels
 * are there at 0 from the start. Thread-safe.
 */
final class HttpMetrics {
    /** Latency buckets of {@code kefu_http_requests_seconds}, in milliseconds. */
    private static final List<Integer> LATENCY_MS = List.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);
    private static final double[] CONFIDENCE = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    private static final List<String> CHANNELS = List.of("web", "wechat", "generic");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    HttpMetrics() {
        for (Reason reason : List.of(Reason.USER_REQUEST, Reason.REPEATED_FALLBACK, Reason.REPEATED_MESSAGE,
                Reason.ACCEPTED_OFFER, Reason.PRIORITY_INTENT)) {
            handoffs(reason.wireName());
        }
        for (Reason reason : List.of(Reason.LOW_CONFIDENCE, Reason.OUT_OF_SCOPE, Reason.NO_ANSWER, Reason.EMPTY_MESSAGE,
                Reason.REJECTED_ANSWER)) {
            fallbacks(reason.wireName());
        }
        CHANNELS.forEach(this::inbound);
        feedbackCounter(true);
        feedbackCounter(false);
        confidence();
        handoffWait();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    void request(String route, String method, int status, double millis) {
        Timer.builder("kefu.http.requests")
                .description("HTTP requests by route, method and status (event streams not included)")
                .tags("route", route, "method", method, "status", String.valueOf(status))
                .serviceLevelObjectives(LATENCY_MS.stream().map(Duration::ofMillis).toArray(Duration[]::new))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** User messages received through {@code channel} (web, wechat, generic). */
    private Counter inbound(String channel) {
        return Counter.builder("kefu.messages.inbound").description("User messages received, by channel")
                .tag("channel", channel).register(registry);
    }

    /** One user message came in through {@code channel}. */
    void countInbound(String channel) {
        inbound(channel).increment();
    }

    void decision(Reply reply) {
        String intent = reply.intent() == null ? "none" : reply.intent();
        Counter.builder("kefu.decisions").description("Bot decisions by action and intent")
                .tags("action", reply.action().wireName(), "intent", intent).register(registry).increment();
        if (reply.action() == Action.ANSWER) {
            confidence().record(reply.confidence());
        }
        if (reply.action() == Action.FALLBACK) {
            fallbacks(reply.reason()).increment();
        }
        // a message to a conversation that is with a person already opens no ticket
        if (reply.action() == Action.HANDOFF && !reply.reason().equals(Reason.WITH_AGENT.wireName())) {
            handoffs(reply.reason()).increment();
        }
    }

    private Counter fallbacks(String reason) {
        return Counter.builder("kefu.fallbacks").description("Fallbacks by reason").tag("reason", reason)
                .register(registry);
    }

    private Counter handoffs(String reason) {
        return Counter.builder("kefu.handoffs").description("Handoffs to a person (tickets opened) by reason")
                .tag("reason", reason).register(registry);
    }

    private DistributionSummary confidence() {
        return DistributionSummary.builder("kefu.answer.confidence").description("Confidence of the answers given")
                .serviceLevelObjectives(CONFIDENCE).register(registry);
    }

    private Timer handoffWait() {
        return Timer.builder("kefu.handoff.wait").description("Time tickets waited until an agent claimed them")
                .serviceLevelObjectives(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1))
                .register(registry);
    }

    /** An agent claimed a ticket that had waited {@code waited}. */
    void claimed(Duration waited) {
        handoffWait().record(waited);
    }

    /** Counts the turns {@code conversations} refuses because their conversation changed meanwhile. */
    void watch(ConversationStore conversations) {
        FunctionCounter.builder("kefu.turns.refused", conversations, ConversationStore::refusedTurns)
                .description("Turns refused because their conversation changed while they were computed; "
                        + "each is computed again, and the request fails (409) only after 5 refusals")
                .register(registry);
    }

    /** The handoff queue's length ({@code waiting} tickets) and the live event streams open here. */
    void watch(Supplier<Number> waiting, EventHub users, EventHub agents) {
        Gauge.builder("kefu.handoff.queue", () -> waiting.get()).description("Tickets waiting for an agent")
                .register(registry);
        Gauge.builder("kefu.sse.connections", users, EventHub::size).description("Live event streams open on this instance")
                .tag("stream", "widget").register(registry);
        Gauge.builder("kefu.sse.connections", agents, EventHub::size).description("Live event streams open on this instance")
                .tag("stream", "agent").register(registry);
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
        feedbackCounter(rated.helpful()).increment();
    }

    private Counter feedbackCounter(boolean helpful) {
        return Counter.builder("kefu.feedback").description("Ratings of answers by users")
                .tag("helpful", String.valueOf(helpful)).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}
