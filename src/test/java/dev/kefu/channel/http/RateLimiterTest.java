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
    void only_clients_whose_bucket_has_refilled_are_forgotten() {
        RateLimiter limiter = new RateLimiter(1, 10);
        limiter.acquire("a", 0);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("b", 100 * SECOND);
        }
        limiter.evictIdle(105 * SECOND);
        assertThat(limiter.size()).as("b is still 5 tokens short").isEqualTo(1);
        assertThat(limiter.acquire("b", 105 * SECOND)).as("and still limited").isZero();
    }

    @Test
    void an_hourly_allowance_refills_slowly_and_is_not_reset_by_eviction() {
        RateLimiter limiter = new RateLimiter(3 / 3600.0, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", 0)).isZero();
        }
        long wait = limiter.acquire("a", 0);
        assertThat(wait).isBetween(1100L, 1300L);
        limiter.evictIdle(600 * SECOND);
        assertThat(limiter.acquire("a", 600 * SECOND)).as("ten minutes later: not yet").isPositive();
        assertThat(limiter.acquire("a", 1200 * SECOND)).as("one of three refilled after twenty").isZero();
    }
}
