package dev.kefu.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * In-process throughput and latency of one message handler (the full pipeline, or the classifier
 * alone) on several threads. A time-based warm-up comes first: JIT compilation changes throughput
 * by about 2x on this machine. Each thread cycles over the messages, in its own 1,024
 * conversations. Not thread-safe; run one at a time.
 */
public final class Benchmark {
    private static final int CONVERSATIONS_PER_THREAD = 1024;
    private static final int MAX_SAMPLES_PER_THREAD = 5_000_000;

    private final Handler handler;
    private final List<String> messages;

    /** Handles one message of one conversation; must be thread-safe. */
    @FunctionalInterface
    public interface Handler {
        /** Handles {@code message} as a message of conversation {@code conversationId}. */
        void handle(String conversationId, String message);
    }

    public Benchmark(Handler handler, List<String> messages) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.messages = List.copyOf(messages);
        if (this.messages.isEmpty()) {
            throw new IllegalArgumentException("benchmark needs at least one message");
        }
    }

    /** Result of one measured run. */
    public record Result(int threads, double seconds, long messages, double throughputPerS, Latency latencyUs) {
    }

    /**
     * Runs {@code warmup} unmeasured, then {@code measure} measured, on {@code threads} threads;
     * {@code progress} is told each elapsed second of both.
     */
    public Result run(int threads, Duration warmup, Duration measure, Evaluator.Progress progress)
            throws InterruptedException {
        int total = (int) Math.max(1, (warmup.toMillis() + measure.toMillis() + 999) / 1000);
        drive(threads, warmup, elapsed -> progress.step(Math.min(total - 1, elapsed), total));
        int warmed = (int) (warmup.toMillis() / 1000);
        Result result = drive(threads, measure, elapsed -> progress.step(Math.min(total - 1, warmed + elapsed), total));
        progress.step(total, total);
        return result;
    }

    private Result drive(int threads, Duration duration, IntConsumer seconds)
            throws InterruptedException {
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
                samples.add(await(future, start, seconds));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return summarize(threads, elapsed, samples);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] await(Future<long[]> future, long start, IntConsumer seconds)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                seconds.accept((int) ((System.nanoTime() - start) / 1_000_000_000L));
            }
        }
    }

    private long[] loop(int thread, long deadline) {
        long[] nanos = new long[1024];
        int count = 0;
        int i = thread * 7919;
        while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_THREAD) {
            String message = messages.get(i % messages.size());
            long start = System.nanoTime();
            handler.handle("bench-" + thread + "-" + (i % CONVERSATIONS_PER_THREAD), message);
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
