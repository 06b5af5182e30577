package dev.kefu.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every {@value #POLL_MILLIS} ms, each due message goes to its channel's
 * sender. Messages to one user go out in order (the store hands out only a user's oldest pending
 * one). A transient failure is retried with exponential backoff (1 s, 2 s, 4 s … capped at 5
 * minutes) up to {@value #MAX_ATTEMPTS} attempts; a permanent refusal, or the last attempt, dead-
 * letters the message with its reason, which the agent reads in the transcript. The outbox is in
 * the database, so undelivered messages survive a restart. One delivery thread; thread-safe.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    static final long POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Attempts of one message: with the backoff, about 25 minutes of trying. */
    public static final int MAX_ATTEMPTS = 12;
    /** Messages taken per pass; each delivery attempt is bounded by its sender's timeouts (5 s). */
    private static final int BATCH = 10;
    /** Passes run back to back while they deliver: a user's next message follows at once, not a poll later. */
    private static final int MAX_PASSES = 50;
    /** How long a taken message is ours: far more than {@value #BATCH} deliveries can take. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final ChannelStore store;
    private final Map<String, OutboundSender> senders;
    private final Clock clock;
    private final DeliveryNotes notes = new DeliveryNotes();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder dead = new LongAdder();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kefu-outbox");
        t.setDaemon(true);
        return t;
    });

    public OutboxWorker(ChannelStore store, List<OutboundSender> senders, Clock clock) {
        this.store = store;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(OutboundSender::channel, Function.identity()));
        this.clock = clock;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::deliverDue, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Passes over the due messages while they settle some (delivered or dead-lettered: the user's
     * next message may then go); returns how many were delivered.
     */
    int deliverDue() {
        long before = delivered.sum();
        try {
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                int settled = 0;
                for (OutboundMessage message : store.take(clock.instant(), BATCH, LEASE)) {
                    settled += deliver(message) ? 1 : 0;
                }
                if (settled == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox pass failed: {}", e.getMessage());
        }
        return (int) (delivered.sum() - before);
    }

    /** True when the message is settled: delivered or dead-lettered. */
    private boolean deliver(OutboundMessage message) {
        OutboundSender sender = senders.get(message.channel());
        int attempt = message.attempts() + 1;
        try {
            if (sender == null) {
                throw DeliveryFailure.unconfigured(message, notes);
            }
            sender.send(message);
            store.delivered(message.id(), clock.instant());
            delivered.increment();
            return true;
        } catch (OutboundSender.DeliveryException e) {
            failures.increment();
            if (e.permanent() || attempt >= MAX_ATTEMPTS) {
                String reason = e.permanent() ? e.reason() : notes.reason("attempts",
                        Map.of("attempts", String.valueOf(attempt), "error", e.getMessage()));
                LOG.warn("outbox message {} to {} dead-lettered after attempt {}: {}", message.id(), message.channel(),
                        attempt, e.getMessage());
                store.dead(message.id(), notes.note(message, reason), clock.instant());
                dead.increment();
                return true;
            }
            Instant next = clock.instant().plus(backoff(message.attempts()));
            LOG.warn("outbox message {} to {} not delivered (attempt {}): {}; next try {}", message.id(),
                    message.channel(), attempt, e.getMessage(), next);
            store.failed(message.id(), e.getMessage(), next);
            return false;
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * {@code kefu_outbox_*} in Prometheus text: deliveries, failed attempts and dead letters by this
     * instance since it started, and the backlog (every instance's undelivered messages).
     */
    public String metrics() {
        long backlog;
        try {
            backlog = store.backlog();
        } catch (RuntimeException e) {
            backlog = -1; // the database is down: /health says so
        }
        return "# HELP kefu_outbox_delivered_total Outbox messages delivered by this instance.\n"
                + "# TYPE kefu_outbox_delivered_total counter\nkefu_outbox_delivered_total " + delivered.sum() + "\n"
                + "# HELP kefu_outbox_failures_total Failed delivery attempts (each retried or dead-lettered).\n"
                + "# TYPE kefu_outbox_failures_total counter\nkefu_outbox_failures_total " + failures.sum() + "\n"
                + "# HELP kefu_outbox_dead_letters_total Outbox messages given up, with a reason for the agent.\n"
                + "# TYPE kefu_outbox_dead_letters_total counter\nkefu_outbox_dead_letters_total " + dead.sum() + "\n"
                + "# HELP kefu_outbox_backlog Outbox messages neither delivered nor dead-lettered (all instances).\n"
                + "# TYPE kefu_outbox_backlog gauge\nkefu_outbox_backlog " + backlog + "\n";
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Failures the worker itself finds. */
    private static final class DeliveryFailure {
        private DeliveryFailure() {
        }

        static OutboundSender.DeliveryException unconfigured(OutboundMessage message, DeliveryNotes notes) {
            return OutboundSender.DeliveryException.permanent("channel " + message.channel() + " is not configured",
                    notes.reason("unconfigured", Map.of()));
        }
    }
}
