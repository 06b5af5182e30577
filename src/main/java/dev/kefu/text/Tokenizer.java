package dev.kefu.text;

/**
 * Turns a normalized message into {@link Tokens}. One instance is shared by training,
 * classification and FAQ search, so the features a model learned are the features it sees.
 * Implementations are thread-safe.
 */
public interface Tokenizer {
    /** Tokens of {@code normalizedText} (the output of {@link TextNormalizer#normalize}). */
    Tokens tokenize(String normalizedText);
}
