package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
    @Test
    void every_thread_handles_messages_in_its_own_conversations_and_progress_ends_complete() throws Exception {
        AtomicLong calls = new AtomicLong();
        Set<String> conversations = ConcurrentHashMap.newKeySet();
        List<String> steps = new ArrayList<>();
        Benchmark benchmark = new Benchmark((conversation, message) -> {
            calls.incrementAndGet();
            conversations.add(conversation.substring(0, conversation.lastIndexOf('-')));
        }, List.of("退款多久到账", "转人工"));

        Benchmark.Result result = benchmark.run(2, Duration.ZERO, Duration.ofSeconds(1),
                (done, total) -> steps.add(done + "/" + total));

        assertThat(result.threads()).isEqualTo(2);
        assertThat(result.messages()).isPositive().isEqualTo(calls.get());
        assertThat(result.throughputPerS()).isPositive();
        assertThat(conversations).containsExactlyInAnyOrder("bench-0", "bench-1");
        assertThat(steps).last().isEqualTo("1/1");
    }

    @Test
    void no_messages_is_refused() {
        assertThatThrownBy(() -> new Benchmark((c, m) -> { }, List.of()))
                .hasMessageContaining("at least one message");
    }
}
