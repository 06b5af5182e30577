package dev.kefu.channel.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races for the tests: calls that start together, each on its own thread. */
final class AtOnce {
    private AtOnce() {
    }

    /**
     * Runs {@code calls.apply(0)} to {@code calls.apply(n - 1)} at the same moment (each waits for
     * the others to be ready) and returns their results in that order, each within 30 s.
     */
    static <T> List<T> run(int n, IntFunction<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = calls.apply(i);
                running.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
