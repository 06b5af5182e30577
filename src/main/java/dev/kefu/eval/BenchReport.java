package dev.kefu.eval;

import java.util.List;
import java.util.Objects;

/**
 * What {@code bench} measured; serialized with snake_case keys (see README, "Benchmarks").
 *
 * @param mode         {@code pipeline} or {@code classifier}
 * @param classifier   {@code opennlp}, {@code liblinear} or {@code ensemble}
 * @param cores        available processors
 * @param java         Java runtime version
 * @param trainMs      training the intent classifier on the training file, in memory
 * @param loadMs       loading models/ (pipeline: normalizer table, FAQ index, intent model) in a fresh JVM; 0 for classifier mode
 * @param heapUsedMb   heap in use after loading and a GC, before the runs
 * @param runs         one measured run per thread count, 1 thread first
 * @param ranker       how the FAQ entry is chosen (pipeline mode; null for classifier mode)
 * @param mix          {@code distinct} (every message analysed afresh, no cache) or {@code zipf}
 *                     (messages drawn with a Zipf law, through the analysis cache)
 * @param cacheHitRate the analysis cache's hits / lookups over the runs (0 for {@code distinct})
 * @param fastShare    share of analysed messages the ranker's cheap features decided without the encoder
 */
public record BenchReport(String mode, String classifier, int cores, String java, double trainMs, double loadMs,
                          double heapUsedMb, List<Benchmark.Result> runs, String ranker, String mix, double cacheHitRate,
                          double fastShare) {
    public BenchReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(classifier, "classifier");
        runs = List.copyOf(runs);
    }
}
