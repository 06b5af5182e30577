package dev.kefu.channel.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client key (the client IP): {@code ratePerSecond} tokens a second up to
 * {@code burst}. Buckets that have refilled are dropped by {@link #evictIdle}, so memory stays
 * bounded by the recently active clients. Thread-safe.
 */
final class RateLimiter {
    private final double ratePerNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code ratePerSecond} 0 lets everything through. */
    RateLimiter(double ratePerSecond, int burst) {
        if (ratePerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("rate and burst must be >= 0");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(burst, Math.max(1, ratePerSecond));
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

    /** 0 when {@code key} has a token now (none is taken); otherwise the seconds until it has one. */
    long waitFor(String key, long nowNanos) {
        Bucket bucket = enabled() ? buckets.get(key) : null;
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            double tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.updated) * ratePerNano);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano / 1e9);
        }
    }

    /** Forgets clients whose bucket has refilled completely: a new bucket would be the same. */
    void evictIdle(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            Bucket bucket = e.getValue();
            synchronized (bucket) {
                return bucket.tokens + (nowNanos - bucket.updated) * ratePerNano >= burst;
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
