package dev.kefu.channel.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client key (the client IP): {@code ratePerSecond} tokens a second up to
 * {@code burst}. Idle buckets are dropped by {@link #evictIdle}, so memory stays bounded by the
 * clients of the last few minutes. Thread-safe.
 */
final class RateLimiter {
    private static final long IDLE_NANOS = 5L * 60 * 1_000_000_000;

    private final double ratePerNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code ratePerSecond} 0 lets everything through. */
    RateLimiter(int ratePerSecond, int burst) {
        if (ratePerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("rate and burst must be >= 0");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(burst, ratePerSecond);
    }

    boolean enabled() {
        return ratePerNano > 0;
    }

    /** 0 when {@code key} may go ahead now (a token is taken); otherwise the seconds to wait. */
    long acquire(String key, long nowNanos) {
        if (!enabled()) {
            return 0;
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.updated) * ratePerNano);
            bucket.updated = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9);
        }
    }

    /** Forgets clients idle for five minutes (their bucket would be full again anyway). */
    void evictIdle(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return nowNanos - e.getValue().updated > IDLE_NANOS;
            }
        });
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
