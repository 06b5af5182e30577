package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentiles_of_one_to_a_hundred_microseconds_are_the_nearest_ranks() {
        long[] nanos = shuffledMicros(100);

        Latency latency = Latency.ofNanos(nanos, nanos.length);

        assertThat(latency).isEqualTo(new Latency(50.0, 99.0, 100.0, 100.0));
    }

    @Test
    void percentiles_of_a_thousand_samples_separate_p99_from_p999() {
        long[] nanos = shuffledMicros(1000);

        Latency latency = Latency.ofNanos(nanos, nanos.length);

        assertThat(latency).isEqualTo(new Latency(500.0, 990.0, 999.0, 1000.0));
    }

    @Test
    void only_the_first_count_samples_are_used() {
        long[] nanos = {3_000, 1_000, 2_000, 999_000_000};

        Latency latency = Latency.ofNanos(nanos, 3);

        assertThat(latency.max()).isEqualTo(3.0);
        assertThat(latency.p50()).isEqualTo(2.0);
    }

    @Test
    void one_sample_is_every_percentile() {
        assertThat(Latency.ofNanos(new long[] {1_500}, 1)).isEqualTo(new Latency(1.5, 1.5, 1.5, 1.5));
    }

    @Test
    void no_samples_give_zeros() {
        assertThat(Latency.ofNanos(new long[0], 0)).isEqualTo(new Latency(0, 0, 0, 0));
    }

    /** 1..n microseconds, in nanoseconds, in a fixed shuffled order. */
    private static long[] shuffledMicros(int n) {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            values.add(i * 1000);
        }
        Collections.shuffle(values, new Random(42));
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
