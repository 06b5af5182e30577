package dev.kefu.eval;

import dev.kefu.dialog.ChatEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * In-process throughput and latency of the full pipeline (normalize, tokenize, classify, search,
 * decide, render, record) on several threads. A time-based warm-up comes first: JIT compilation
 * changes throughput by about 2x on this machine. Each thread cycles over the messages in its
 * own 1,024 conversations. Not thread-safe; run one at a time.
 */
public final class Benchmark {
    private static final int CONVERSATIONS_PER_THREAD = 1024;
    private static final int MAX_SAMPLES_PER_THREAD = 5_000_000;

    private final ChatEngine engine;
    private final List<String> messages;

    public Benchmark(ChatEngine engine, List<String> messages) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.messages = List.copyOf(messages);
        if (this.messages.isEmpty()) {
            throw new IllegalArgumentException("benchmark needs at least one message");
        }
    }

    /** Result of one measured run. */
    public record Result(int threads, double seconds, long messages, double throughputPerS, Latency latencyUs) {
    }

    /** Runs {@code warmup} unmeasured, then {@code measure} measured, on {@code threads} threads. */
    public Result run(int threads, Duration warmup, Duration measure) throws InterruptedException {
        drive(threads, warmup);
        return drive(threads, measure);
    }

    private Result drive(int threads, Duration duration) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> loop(thread, deadline)));
            }
            List<long[]> samples = new ArrayList<>();
            for (Future<long[]> future : futures) {
                samples.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return summarize(threads, seconds, samples);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] loop(int thread, long deadline) {
        long[] nanos = new long[1024];
        int count = 0;
        int i = thread * 7919;
        while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_THREAD) {
            String message = messages.get(i % messages.size());
            long start = System.nanoTime();
            engine.reply("bench-" + thread + "-" + (i % CONVERSATIONS_PER_THREAD), message);
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[count++] = System.nanoTime() - start;
            i++;
        }
        return Arrays.copyOf(nanos, count);
    }

    private static Result summarize(int threads, double seconds, List<long[]> samples) {
        int total = samples.stream().mapToInt(s -> s.length).sum();
        long[] all = new long[total];
        int offset = 0;
        for (long[] s : samples) {
            System.arraycopy(s, 0, all, offset, s.length);
            offset += s.length;
        }
        return new Result(threads, seconds, total, total / seconds, Latency.ofNanos(all, total));
    }
}
