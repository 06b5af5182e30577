package dev.kefu.cli;

import dev.kefu.answer.AnswerRanker;
import dev.kefu.dialog.Analyzer;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.dialog.ServiceHours;
import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.CorpusException;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trained artifacts under {@code models/} and the engine wired from them. The directory is
 * self-contained (the synonyms are copied there at train time); when the corpus directory is
 * present, models built from another version of it are refused.
 */
record Models(TextNormalizer normalizer, SmartcnTokenizer tokenizer, IntentClassifier classifier,
              LuceneFaqSearcher faq, ClassifierKind kind, AnswerRanker ranker, RankerKind rankerKind, Analyzer analyzer,
              RankerKind.SharedEncoder encoder, List<LabeledText> lines, String version) {
    static final String FAQ_INDEX = "faq-index";
    static final String SYNONYMS = "synonyms.txt";
    private static final Logger LOG = LoggerFactory.getLogger(Models.class);

    /** Loads {@code modelsDir}, refusing it when {@code corpusDir} has changed since training. */
    static Models load(Path modelsDir, Path corpusDir) {
        return load(modelsDir, corpusDir, false);
    }

    /**
     * As {@link #load(Path, Path)}; {@code serving} loads the sentence encoder on a background thread
     * (a server is healthy before it is in memory). Only for a long-lived process: a command that
     * exits while ONNX Runtime is still loading would abort in native code.
     */
    static Models load(Path modelsDir, Path corpusDir, boolean serving) {
        ModelManifest manifest = ModelManifest.read(modelsDir);
        if (corpusDir != null && Files.isDirectory(corpusDir)) {
            List<String> changed = manifest.staleAgainst(corpusDir);
            if (!changed.isEmpty()) {
                throw new CorpusException(modelsDir + " is stale: " + String.join(", ", changed)
                        + " changed since the models were trained; run `java -jar target/kefu.jar train`");
            }
        }
        Path synonyms = modelsDir.resolve(SYNONYMS);
        if (!Files.isRegularFile(synonyms)) {
            throw new CorpusException(synonyms + ": not found; run `java -jar target/kefu.jar train`");
        }
        ClassifierKind kind = kindOf(manifest, modelsDir);
        RankerKind rankerKind = rankerKindOf(manifest, modelsDir);
        Path intents = corpusDir == null ? null : corpusDir.resolve("intents.tsv");
        // Start-up is class loading and file reading in parts that do not need each other: the
        // text pipeline (ICU's tables, then smartcn's dictionary), the classifier, and the FAQ index
        // with its ranker each load on their own thread (a fresh one: the common pool has a single
        // thread on 2 cores, and the database opens on it).
        Loading loading = new Loading();
        CompletableFuture<TextNormalizer> normalizing = loading.start("text normalizer",
                () -> new TextNormalizer(ChineseVariants.icu()));
        CompletableFuture<SmartcnTokenizer> tokenizing = normalizing.thenApply(normalizer -> loading.timed("tokenizer",
                () -> new SmartcnTokenizer(Synonyms.read(synonyms, normalizer))));
        CompletableFuture<IntentClassifier> classifying = loading.start("intent classifier", () -> kind.load(modelsDir));
        CompletableFuture<LuceneFaqSearcher> searching = loading.start("FAQ index",
                () -> LuceneFaqSearcher.open(modelsDir.resolve(FAQ_INDEX)));
        CompletableFuture<AnswerRanker> ranking = searching.thenApply(faq -> loading.timed("answer ranker",
                () -> rankerKind.load(modelsDir, faq, serving)));
        List<LabeledText> lines = intents != null && Files.isRegularFile(intents)
                ? loading.timed("training lines", () -> LabeledCorpus.read(intents)) : List.of();
        Models loaded = new Models(Loading.join(normalizing), Loading.join(tokenizing), Loading.join(classifying),
                Loading.join(searching), kind, Loading.join(ranking), rankerKind, null, new RankerKind.SharedEncoder(), lines, manifest.version())
                .withCache(Analyzer.DEFAULT_CACHE);
        if (serving) {
            LOG.info("models loaded from {} ({})", modelsDir, loading.report());
        } else {
            LOG.debug("models loaded from {} ({})", modelsDir, loading.report());
        }
        return loaded;
    }

    /** The parts of one load running at once, and how long each took (for the start-up log line). */
    private static final class Loading {
        private final Map<String, Long> millis = new java.util.concurrent.ConcurrentSkipListMap<>();

        <T> CompletableFuture<T> start(String part, Supplier<T> load) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(timed(part, load));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }, "kefu-load-" + part.replace(' ', '-'));
            thread.setDaemon(true);
            thread.start();
            return result;
        }

        <T> T timed(String part, Supplier<T> load) {
            long start = System.nanoTime();
            try {
                return load.get();
            } finally {
                millis.put(part, (System.nanoTime() - start) / 1_000_000);
            }
        }

        String report() {
            StringJoiner parts = new StringJoiner(", ");
            millis.forEach((part, ms) -> parts.add(part + " " + ms + " ms"));
            return parts.toString();
        }

        /** The part's value, or the exception it failed with as it was thrown (a corpus error stays one). */
        static <T> T join(CompletableFuture<T> part) {
            try {
                return part.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** These models analysing through a cache of {@code size} messages (0: none, to measure distinct messages). */
    Models withCache(int size) {
        Analyzer fresh = new Analyzer(new ChatEngine.Pipeline(normalizer, tokenizer, classifier, ranker), size,
                Analyzer.pinyinOf(faq.entries()));
        return new Models(normalizer, tokenizer, classifier, faq, kind, ranker, rankerKind, fresh, encoder, lines, version);
    }

    private static RankerKind rankerKindOf(ModelManifest manifest, Path modelsDir) {
        String name = manifest.settings().getOrDefault(RankerKind.MANIFEST_KEY, RankerKind.INTENT_FIRST.option());
        try {
            return RankerKind.named(name);
        } catch (UsageException e) {
            throw new CorpusException(modelsDir.resolve(ModelManifest.FILE) + ": unknown ranker " + name
                    + "; run `java -jar target/kefu.jar train`");
        }
    }

    private static ClassifierKind kindOf(ModelManifest manifest, Path modelsDir) {
        String name = manifest.settings().getOrDefault(ClassifierKind.MANIFEST_KEY, ClassifierKind.UNRECORDED.option());
        try {
            return ClassifierKind.named(name);
        } catch (UsageException e) {
            throw new CorpusException(modelsDir.resolve(ModelManifest.FILE) + ": unknown classifier " + name
                    + "; run `java -jar target/kefu.jar train`");
        }
    }

    /**
     * These models with another intent classifier (cross-validation trains one per fold; eval may swap
     * it) and the answer ranker refitted for it (its weights depend on the classifier's confidences).
     */
    Models withClassifier(IntentClassifier other, ClassifierKind otherKind) {
        return withRanker(other, otherKind, rankerKind);
    }

    /** These models with another ranker, fitted in memory for {@code other}. */
    Models withRanker(IntentClassifier other, ClassifierKind otherKind, RankerKind otherRanker) {
        return withFaq(faq, lines, new Kinds(other, otherKind, otherRanker));
    }

    /**
     * Models over another FAQ index and training lines (a cross-validation fold) with another
     * classifier and a ranker fitted for both.
     */
    Models withFaq(LuceneFaqSearcher otherFaq, List<LabeledText> otherLines, Kinds kinds) {
        AnswerRanker refitted = kinds.ranker().of(kinds.ranker().train(otherFaq.entries(), otherLines,
                new RankerKind.Text(normalizer, tokenizer, encoder), kinds.classifier(),
                kinds.kind().trainer(normalizer, tokenizer)::train), otherFaq);
        return new Models(normalizer, tokenizer, kinds.classifier(), otherFaq, kinds.kind(), refitted, kinds.ranker(),
                null, encoder, otherLines, version + " refitted").withCache(Analyzer.DEFAULT_CACHE);
    }

    /** A classifier, its kind, and the ranker kind to fit for it. */
    record Kinds(IntentClassifier classifier, ClassifierKind kind, RankerKind ranker) {
    }

    /** A new engine over these models, with its own in-memory conversations. */
    ChatEngine engine(Thresholds thresholds, String hotline) {
        return engine(thresholds, hotline, new InMemoryConversationStore(), ServiceHours.ALWAYS);
    }

    /** A new engine over these models that keeps conversations in {@code store}. */
    ChatEngine engine(Thresholds thresholds, String hotline, ConversationStore store, ServiceHours hours) {
        return new ChatEngine(analyzer, new DecisionPolicy(thresholds, faq.entries()),
                new ReplyRenderer(hotline, hours, Clock.systemUTC()), store).withModelVersion(version);
    }

    /** What the health check reports about the models. */
    Map<String, Object> describe() {
        return Map.of("intents", classifier.labels().size(), "faqEntries", faq.entries().size(),
                "classifier", kind.option(), "ranker", rankerKind.option(), "version", version);
    }
}
