package dev.kefu.cli;

import dev.kefu.answer.AnswerRanker;
import dev.kefu.answer.IntentFirstRanker;
import dev.kefu.answer.LearnedAnswerRanker;
import dev.kefu.answer.NearestPhrasingRanker;
import dev.kefu.answer.PhrasingVectors;
import dev.kefu.answer.RankerModel;
import dev.kefu.answer.RankerTrainer;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.LuceneFaqIndex;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.linear.CompactModelFile;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import dev.kefu.text.CorpusException;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the FAQ entry is chosen, by its {@code --ranker} name: {@code learned-bge} (the fitted ranker
 * with bge-small-zh phrasing vectors, encoder only where the cheap features do not decide),
 * {@code learned} (the fitted ranker on the cheap features alone, no encoder) and
 * {@code intent-first} (the best BM25 phrasing within each likely intent, kefu's earlier rule); and
 * two peers for comparison, {@code nearest-bge} (the entry of the nearest phrasing by bge-small-zh
 * cosine, as MaxKB and FastGPT answer) and {@code bm25} (the entry of the best BM25 phrasing).
 */
enum RankerKind {
    LEARNED_BGE("learned-bge"), LEARNED("learned"), INTENT_FIRST("intent-first"), NEAREST_BGE("nearest-bge"), BM25("bm25");

    /** The ranker {@code train} writes by default (answer-level CV, README "Choosing the answer"). */
    static final RankerKind SHIPPED = LEARNED_BGE;
    /** The manifest setting that records which ranker {@code models/} holds. */
    static final String MANIFEST_KEY = "ranker";

    private final String option;

    RankerKind(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static RankerKind named(String name) {
        for (RankerKind kind : values()) {
            if (kind.option.equals(name)) {
                return kind;
            }
        }
        List<String> names = Arrays.stream(values()).map(RankerKind::option).toList();
        throw new UsageException("--ranker must be " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1) + ", was " + name);
    }

    /**
     * Fits this ranker for {@code classifier} over {@code entries} and the labelled {@code lines} of
     * {@code intents.tsv} (vectors from {@code encoder}); null for {@code intent-first}, which has no
     * weights. The labelled lines are ranked as training lines with intents from classifiers that
     * {@code crossFit} trains without them ({@value RankerTrainer#FOLDS} folds), so their confidence
     * is as honest as on a new message.
     */
    RankerTrainer.Result train(List<FaqEntry> entries, List<LabeledText> lines, Text text, IntentClassifier classifier,
                               Function<List<LabeledText>, IntentClassifier> crossFit) {
        if (this == INTENT_FIRST || this == BM25) {
            return null;
        }
        if (this == NEAREST_BGE) {
            RankerTrainer.Encoder bge = text.encoder().get();
            return new RankerTrainer.Result(null, null, PhrasingVectors.encode(entries, examples(lines),
                    t -> bge.encode().apply(text.tokenizer().tokenize(text.normalizer().normalize(t)).text()),
                    bge.dimension()), null);
        }
        LuceneFaqIndex index = new LuceneFaqIndex(text.normalizer(), text.tokenizer());
        RankerTrainer trainer = new RankerTrainer(t -> text.tokenizer().tokenize(text.normalizer().normalize(t)),
                classifier::classify, index::inMemory, Thresholds.DEFAULT.clarifyFloor());
        return trainer.train(entries, examples(lines, text, crossFit), this == LEARNED_BGE ? text.encoder().get() : null);
    }

    /** How texts are read and encoded for the ranker: the models' normalizer and tokenizer, and one shared encoder. */
    record Text(TextNormalizer normalizer, SmartcnTokenizer tokenizer, SharedEncoder encoder) {
    }

    /** Every labelled line as an example of the entry it names first, with an out-of-fold prediction. */
    private static List<RankerTrainer.Example> examples(List<LabeledText> lines, Text text,
                                                        Function<List<LabeledText>, IntentClassifier> crossFit) {
        int folds = RankerTrainer.FOLDS;
        if (lines.size() < folds) {
            return List.of();
        }
        List<List<LabeledText>> trainOn = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            trainOn.add(new ArrayList<>());
        }
        for (int i = 0; i < lines.size(); i++) {
            for (int f = 0; f < folds; f++) {
                if (i % folds != f) {
                    trainOn.get(f).add(lines.get(i));
                }
            }
        }
        // one fold's classifier at a time, dropped once its held-out lines are classified: with all
        // five held at once the heap after a collection peaked at 190 MB for the ensemble (151 MB now)
        IntentPrediction[] predictions = new IntentPrediction[lines.size()];
        for (int f = 0; f < folds; f++) {
            IntentClassifier outOfFold = crossFit.apply(trainOn.get(f));
            for (int i = f; i < lines.size(); i += folds) {
                predictions[i] = outOfFold.classify(text.tokenizer().tokenize(text.normalizer().normalize(
                        lines.get(i).text())));
            }
        }
        List<RankerTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LabeledText line = lines.get(i);
            // a line that names no entry (out of scope, a request for a person) teaches the calibration what no answer is
            examples.add(new RankerTrainer.Example(line.hasAnswers() ? line.faqIds().get(0) : null, line.text(), i % folds,
                    predictions[i]));
        }
        return examples;
    }

    /** The labelled lines by the first FAQ id they name, for the index {@code train} writes. */
    static Map<String, List<String>> examples(List<LabeledText> lines) {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (LabeledText line : lines) {
            if (line.hasAnswers()) {
                examples.computeIfAbsent(line.faqIds().get(0), k -> new ArrayList<>()).add(line.text());
            }
        }
        return examples;
    }

    /**
     * The bge-small-zh encoder of one command run, loaded on first use, remembering the vectors it
     * computed: cross-validation fits a ranker per fold over mostly the same phrasings. Thread-safe.
     */
    static final class SharedEncoder implements Supplier<RankerTrainer.Encoder> {
        private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
        private volatile RankerTrainer.Encoder encoder;

        @Override
        public synchronized RankerTrainer.Encoder get() {
            if (encoder == null) {
                BgeSentenceEncoder bge = BgeSentenceEncoder.load();
                encoder = new RankerTrainer.Encoder(text -> vectors.computeIfAbsent(text, bge::encode), bge.dimension(),
                        bge.name());
            }
            return encoder;
        }
    }

    /** Writes what {@link #train} fitted into {@code dir}, and removes the files of the other rankers. */
    static void save(RankerTrainer.Result trained, Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(RankerModel.FILE));
        Files.deleteIfExists(dir.resolve(PhrasingVectors.FILE));
        Files.deleteIfExists(dir.resolve(RankerModel.ENTRY_FILE));
        Files.deleteIfExists(dir.resolve(RankerModel.DENSE_ENTRY_FILE));
        if (trained != null) {
            if (trained.model() != null) {
                trained.model().write(dir);
                CompactModelFile.write(trained.entries(), dir.resolve(RankerModel.ENTRY_FILE));
                if (trained.denseEntries() != null) {
                    CompactModelFile.write(trained.denseEntries(), dir.resolve(RankerModel.DENSE_ENTRY_FILE));
                }
            }
            if (trained.vectors() != null) {
                trained.vectors().write(dir);
            }
        }
    }

    /** The ranker of this kind that {@code dir} holds over {@code faq}; {@code serving}: see {@link Models#load(Path, Path, boolean)}. */
    AnswerRanker load(Path dir, LuceneFaqSearcher faq, boolean serving) {
        return switch (this) {
            case INTENT_FIRST -> new IntentFirstRanker(faq);
            case BM25 -> new NearestPhrasingRanker(faq, null, null);
            case NEAREST_BGE -> new NearestPhrasingRanker(faq, PhrasingVectors.read(dir, faq.entries().size()),
                    BgeSentenceEncoder.loadForConcurrentCalls());
            case LEARNED, LEARNED_BGE -> {
                RankerModel model = RankerModel.read(dir);
                if (!model.encoder().isEmpty() && !model.encoder().equals(BgeSentenceEncoder.NAME)) {
                    throw new CorpusException(dir.resolve(RankerModel.FILE) + ": fitted with the encoder "
                            + model.encoder() + ", this kefu has " + BgeSentenceEncoder.NAME
                            + "; run `java -jar target/kefu.jar train`");
                }
                // the cheap model answers most messages alone: in a server, the encoder loads while it starts
                yield LearnedAnswerRanker.read(dir, faq, model.encoder().isEmpty() ? null : serving
                        ? BgeSentenceEncoder.loadForConcurrentCallsInBackground()
                        : BgeSentenceEncoder.loadForConcurrentCalls());
            }
        };
    }

    /** The ranker of this kind from what {@link #train} fitted in memory. */
    AnswerRanker of(RankerTrainer.Result trained, LuceneFaqSearcher faq) {
        return switch (this) {
            case INTENT_FIRST -> new IntentFirstRanker(faq);
            case BM25 -> new NearestPhrasingRanker(faq, null, null);
            case NEAREST_BGE -> new NearestPhrasingRanker(faq, trained.vectors(), BgeSentenceEncoder.loadForConcurrentCalls());
            case LEARNED, LEARNED_BGE -> new LearnedAnswerRanker(faq, trained.model(), trained.entries(), trained.vectors(),
                    trained.vectors() == null ? null : BgeSentenceEncoder.loadForConcurrentCalls(), trained.denseEntries());
        };
    }
}
