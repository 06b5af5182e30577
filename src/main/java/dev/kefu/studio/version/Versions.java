package dev.kefu.studio.version;

import dev.kefu.studio.CorpusFormat;
import dev.kefu.studio.CorpusText;
import dev.kefu.studio.KbEditor;
import dev.kefu.studio.KbException;
import dev.kefu.studio.KbSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions of the knowledge base: trains the draft on a background thread of low priority (one
 * training at a time per instance), keeps each result whole in the store, and publishes a version
 * through the regression gate (or past it, with a recorded reason) or rolls back to an earlier one;
 * {@code onPublished} then makes this instance and the others load it. Thread-safe.
 */
public final class Versions implements AutoCloseable {
    /** Files of a version under this prefix are its corpus snapshot; the others are its models directory. */
    public static final String CORPUS_PREFIX = "corpus/";
    static final String MUST_NOT_BREAK = "must-not-break.txt";
    private static final Logger LOG = LoggerFactory.getLogger(Versions.class);
    private final KbEditor kb;
    private final VersionStore store;
    private final Trainer trainer;
    private final Gate gate;
    private final Clock clock;
    private final Runnable onPublished;
    private final AtomicReference<Progress> running = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kefu-studio-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY); // serving threads come first
        return thread;
    });

    /** The services a version needs: where it is kept, how it is trained, and what a publish must do next. */
    public record Parts(KbEditor kb, VersionStore store, Trainer trainer, Runnable onPublished) {
        public Parts {
            Objects.requireNonNull(kb, "kb");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(trainer, "trainer");
            Objects.requireNonNull(onPublished, "onPublished");
        }
    }

    /** The training running now: its version and the step it is at. */
    public record Progress(long versionId, String step) {
    }

    /**
     * A training older than this is no longer running anywhere: its instance stopped (a training
     * of the shipped corpus takes a few minutes here).
     */
    static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

    public Versions(Parts parts, Gate gate, Clock clock) {
        this.kb = parts.kb();
        this.store = parts.store();
        this.trainer = parts.trainer();
        this.onPublished = parts.onPublished();
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
        int abandoned = store.failTrainingBefore(clock.instant().minus(ABANDONED),
                "interrupted: the instance training it stopped", clock.instant());
        if (abandoned > 0) {
            LOG.info("{} version(s) left training by a stopped instance marked failed", abandoned);
        }
    }

    public VersionStore store() {
        return store;
    }

    public Gate gate() {
        return gate;
    }

    /** The training running on this instance, if any. */
    public Optional<Progress> running() {
        return Optional.ofNullable(running.get());
    }

    /** Starts training the draft as it is now; {@link KbException.Problem#BUSY} while another training runs here. */
    public KbVersion train(String by, String comment) {
        KbSnapshot draft = kb.snapshot();
        if (draft.isEmpty()) {
            throw KbException.invalid(null, "the knowledge base is empty: run kefu corpus import first");
        }
        synchronized (running) {
            if (running.get() != null) {
                throw KbException.busy("version " + running.get().versionId() + " is training; wait for it to finish");
            }
            KbVersion version = store.create(draft.draftRevision(), by, comment, clock.instant());
            running.set(new Progress(version.id(), "queued"));
            worker.execute(() -> run(version.id(), draft));
            return version;
        }
    }

    private void run(long id, KbSnapshot draft) {
        Path work = null;
        try {
            work = Files.createTempDirectory("kefu-version-" + id + "-");
            Path corpus = Files.createDirectories(work.resolve("corpus"));
            Map<String, byte[]> files = new TreeMap<>();
            CorpusText text = CorpusFormat.render(draft);
            write(corpus, CorpusFormat.FAQ, CorpusText.joined(text.faq()), files);
            write(corpus, CorpusFormat.INTENTS, CorpusText.joined(text.intents()), files);
            write(corpus, CorpusFormat.SYNONYMS, text.synonyms(), files);
            write(corpus, CorpusFormat.EVAL, text.eval(), files);
            Path models = work.resolve("models");
            VersionReport report = trainer.train(corpus, models, step -> running.set(new Progress(id, step)));
            VersionReport baseline = store.published().isPresent() ? null
                    : trainer.evaluateServing(corpus, step -> running.set(new Progress(id, "baseline: " + step)));
            files.putAll(read(models));
            store.finish(id, report, files, clock.instant());
            if (baseline != null) {
                baselines.put(id, baseline);
            }
            LOG.info("version {} trained: answer accuracy {}, precision {}", id, report.answerAccuracy(),
                    report.answerPrecision());
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // out of memory too: the training's own data is garbage once it unwinds, so the server
            // goes on serving, and the version must not stay "training" forever
            LOG.warn("training version {} failed, the published version stays: {}", id, e.toString());
            store.fail(id, e instanceof OutOfMemoryError ? "out of memory while training (" + e.getMessage()
                    + "): give the server a larger -Xmx" : String.valueOf(e.getMessage()), clock.instant());
        } finally {
            running.set(null);
            deleteTree(work);
        }
    }

    /** The serving models' report for versions trained while none was published, by version (this instance only). */
    private final Map<Long, VersionReport> baselines = new java.util.concurrent.ConcurrentHashMap<>();

    /** What {@code version} is compared with: the published version's report, else the serving files' (if measured). */
    public VersionReport comparedWith(KbVersion version) {
        Optional<Publication> published = store.published();
        if (published.isPresent()) {
            return store.get(published.get().versionId()).map(KbVersion::report).orElse(null);
        }
        return baselines.get(version.id());
    }

    /** The lines marked "must not break". */
    public Set<String> mustNotBreak() {
        return Set.copyOf(CorpusText.lines(kb.snapshot().file(MUST_NOT_BREAK)).stream().filter(l -> !l.isBlank()).toList());
    }

    /** Replaces the lines marked "must not break" (texts of {@code eval.tsv} lines). */
    public void markMustNotBreak(List<String> texts) {
        kb.keepFile(MUST_NOT_BREAK, CorpusText.joined(texts));
    }

    /**
     * Publishes ready version {@code id}: through the gate, or past it when {@code override} (then
     * {@code reason} is required and recorded).
     */
    public Publication publish(long id, String by, String reason, boolean override) {
        KbVersion version = ready(id);
        List<String> refusals = gate.refusals(version.report(), comparedWith(version), mustNotBreak());
        if (!refusals.isEmpty() && !override) {
            throw KbException.gate(refusals);
        }
        if (override && (reason == null || reason.isBlank())) {
            throw KbException.invalid("reason", "publishing past the gate needs a reason");
        }
        return switchTo(new Publication(id, refusals.isEmpty() ? Publication.Action.PUBLISH : Publication.Action.OVERRIDE,
                by, clock.instant(), reason == null ? "" : reason));
    }

    /** Goes back to ready version {@code id}, one that was published before, in one action. */
    public Publication rollback(long id, String by, String reason) {
        ready(id);
        if (store.publications().stream().noneMatch(p -> p.versionId() == id)) {
            throw KbException.invalid("version", "version " + id + " was never published; publish it instead");
        }
        return switchTo(new Publication(id, Publication.Action.ROLLBACK, by, clock.instant(), reason));
    }

    private Publication switchTo(Publication publication) {
        store.publish(publication);
        onPublished.run();
        return publication;
    }

    private KbVersion ready(long id) {
        KbVersion version = store.get(id).orElseThrow(() -> KbException.notFound("no version " + id));
        if (version.status() != KbVersion.Status.READY) {
            throw KbException.invalid("version", "version " + id + " is " + version.status().wireName() + ", not ready");
        }
        return version;
    }

    private static void write(Path dir, String name, String text, Map<String, byte[]> files) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(name), bytes);
        files.put(CORPUS_PREFIX + name, bytes);
    }

    /** Every file under {@code dir}, by its path relative to it ({@code /} separated). */
    static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
