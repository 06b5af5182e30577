/**
 * Offline evaluation and benchmarks: scores the engine (or a freshly trained classifier) on a
 * labeled file and measures the pipeline's speed. Depends on {@code dialog} and {@code intent};
 * nothing depends on it except {@code cli}.
 */
package dev.kefu.eval;
