package dev.kefu.studio.version;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Trains and evaluates models the way {@code kefu train} and {@code kefu eval} do (implemented
 * where the models are wired, in {@code cli}). Called off the request threads, one at a time.
 */
public interface Trainer {
    /**
     * Trains on the corpus files in {@code corpus} into {@code models} and evaluates the result on
     * {@code corpus/eval.tsv}; {@code progress} is told each step in words.
     */
    VersionReport train(Path corpus, Path models, Consumer<String> progress) throws Exception;

    /** The report of the models serving now (the baseline while no version is published). */
    VersionReport evaluateServing(Path corpus, Consumer<String> progress) throws Exception;
}
