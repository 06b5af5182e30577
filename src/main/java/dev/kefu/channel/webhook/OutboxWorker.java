package dev.kefu.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every {@value #POLL_MILLIS} ms, each due message goes to its channel's
 * sender; a failure is retried with exponential backoff (1 s, 2 s, 4 s … capped at 5 minutes).
 * The outbox is in the database, so undelivered messages survive a restart. One delivery thread.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    static final long POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Messages taken per pass; each delivery attempt is bounded by its sender's timeouts (5 s). */
    private static final int BATCH = 10;
    /** How long a taken message is ours: far more than {@value #BATCH} deliveries can take. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final ChannelStore store;
    private final Map<String, OutboundSender> senders;
    private final Clock clock;
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

    /** One pass over the due messages; returns how many were delivered. */
    int deliverDue() {
        int delivered = 0;
        try {
            for (OutboundMessage message : store.take(clock.instant(), BATCH, LEASE)) {
                delivered += deliver(message) ? 1 : 0;
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox pass failed: {}", e.getMessage());
        }
        return delivered;
    }

    private boolean deliver(OutboundMessage message) {
        OutboundSender sender = senders.get(message.channel());
        try {
            if (sender == null) {
                throw new OutboundSender.DeliveryException("channel " + message.channel() + " is not configured");
            }
            sender.send(message);
            store.delivered(message.id(), clock.instant());
            return true;
        } catch (OutboundSender.DeliveryException e) {
            Instant next = clock.instant().plus(backoff(message.attempts()));
            LOG.warn("outbox message {} to {} not delivered (attempt {}): {}; next try {}", message.id(),
                    message.channel(), message.attempts() + 1, e.getMessage(), next);
            store.failed(message.id(), e.getMessage(), next);
            return false;
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
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
}
