package dev.kefu.intent.embedding;

import dev.kefu.intent.SentenceEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.Objects;

/**
 * {@link SentenceEncoder} over BAAI's bge-small-zh-v1.5 (MIT licence), quantized to int8, run
 * in-process by ONNX Runtime through langchain4j's packaging of it (a 24 MB model inside the jar,
 * nothing downloaded). Its 512-dimensional vector is the [CLS] output, L2-normalized. About
 * 0.5 ms per short message (BENCHMARKS.md), so it suits evaluation and offline work, not the
 * 20,000 messages/s path. Thread-safe: ONNX Runtime sessions may run concurrently.
 */
public final class BgeSentenceEncoder implements SentenceEncoder {
    /** What {@link #name()} returns. */
    public static final String NAME = "bge-small-zh-v1.5-q";
    private static final int DIMENSION = 512;

    private final EmbeddingModel model;

    private BgeSentenceEncoder(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Loads the model from the classpath (about a second). */
    public static BgeSentenceEncoder load() {
        // DJL, which langchain4j uses for the tokenizer, would otherwise probe for a cloud host
        System.setProperty("OPT_OUT_TRACKING", "true");
        return new BgeSentenceEncoder(new BgeSmallZhV15QuantizedEmbeddingModel());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        if (text.isBlank()) {
            return new float[DIMENSION]; // the model refuses blank text; nothing to mean either
        }
        float[] vector = model.embed(text).content().vector();
        if (vector.length != DIMENSION) {
            throw new IllegalStateException("bge-small-zh returned " + vector.length + " dimensions, expected " + DIMENSION);
        }
        return vector;
    }
}
