package dev.kefu.intent;

/**
 * Turns a whole message into a dense vector whose neighbours mean similar things, from a model
 * pretrained on general text: the knowledge of titles, places and names that the training lines
 * of a small corpus do not carry. Implementations are thread-safe and deterministic.
 */
public interface SentenceEncoder {
    /** Length of every vector this encoder returns. */
    int dimension();

    /** The L2-normalized vector of {@code text}, {@link #dimension()} long; zeros for blank text. */
    float[] encode(String text);

    /** The model's name, saved with a classifier so that it is loaded with the same encoder. */
    String name();
}
