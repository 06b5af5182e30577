package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_passes_then_one_request_per_token_refilled() {
        RateLimiter limiter = new RateLimiter(2, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a", 0)).isZero();
        }
        assertThat(limiter.acquire("a", 0)).isEqualTo(1);
        assertThat(limiter.acquire("a", SECOND / 2)).isZero();
        assertThat(limiter.acquire("a", SECOND / 2)).isPositive();
        assertThat(limiter.acquire("b", SECOND / 2)).as("clients have their own bucket").isZero();
    }

    @Test
    void a_zero_rate_lets_everything_through() {
        RateLimiter off = new RateLimiter(0, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.acquire("a", 0)).isZero();
        }
        assertThat(off.size()).isZero();
    }

    @Test
    void idle_clients_are_forgotten() {
        RateLimiter limiter = new RateLimiter(10, 10);
        limiter.acquire("a", 0);
        limiter.acquire("b", 200 * SECOND);
        limiter.evictIdle(400 * SECOND);
        assertThat(limiter.size()).isEqualTo(1);
    }
}
