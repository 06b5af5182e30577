package dev.kefu.cli;

import dev.kefu.answer.RankerTrainer;
import dev.kefu.faq.FaqCorpus;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.LuceneFaqIndex;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.Intents;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code train}: intent model + FAQ index + manifest, from the corpus directory. */
final class TrainCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar train [--corpus DIR] [--out DIR] [--classifier NAME] [--ranker NAME]
              --corpus DIR  corpus directory with intents.tsv, faq.txt, synonyms.txt (default corpus)
              --out DIR     where the models are written (default models)
              --classifier NAME
                            ensemble (default: OpenNLP maxent and liblinear averaged,
                            the best under answer-level CV), opennlp (OpenNLP alone: the
                            fastest, and the safest on out-of-scope messages), liblinear,
                            or liblinear-bge (about 0.5 ms a message; BENCHMARKS.md);
                            serve, chat, eval and bench load whichever models/ holds
              --ranker NAME learned-bge (default: the fitted answer ranker with bge-small-zh
                            phrasing vectors), learned (the same without vectors) or
                            intent-first (the best BM25 phrasing of the likeliest intent)""";

    private TrainCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("corpus", "out", "classifier", "ranker"), Set.of());
        ClassifierKind kind = ClassifierKind.named(options.string("classifier", ClassifierKind.SHIPPED.option()));
        RankerKind ranker = RankerKind.named(options.string("ranker", RankerKind.SHIPPED.option()));
        Path corpus = options.path("corpus", "corpus");
        Path target = options.path("out", "models");
        long start = System.nanoTime();
        Trained trained = train(corpus, target, new Kinds(kind, ranker), new ProgressBar(err, "train"));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "trained %d intents (%s) on %d utterances, indexed %d FAQ entries, ranker %s, in %.1f s"
                + " -> %s%n", trained.intents(), kind.option(), trained.utterances(), trained.entries(), ranker.option(),
                seconds, target);
        return 0;
    }

    /** The classifier and ranker to train. */
    record Kinds(ClassifierKind classifier, RankerKind ranker) {
    }

    /** What a training built: how many intents, utterances and FAQ entries. */
    record Trained(int intents, int utterances, int entries) {
    }

    /**
     * Trains the models of {@code corpus} into {@code target} (also used by the studio's background
     * training, on the draft exported to a directory of its own).
     */
    static Trained train(Path corpus, Path target, Kinds kinds, dev.kefu.intent.TrainingProgress progress)
            throws IOException {
        ClassifierKind kind = kinds.classifier();
        RankerKind ranker = kinds.ranker();
        TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
        Synonyms synonyms = Synonyms.read(corpus.resolve(Models.SYNONYMS), normalizer);
        SmartcnTokenizer tokenizer = new SmartcnTokenizer(synonyms);
        Path intentsFile = corpus.resolve("intents.tsv");
        List<LabeledText> examples = LabeledCorpus.read(intentsFile);
        Set<String> labels = LabeledCorpus.requireLabels(intentsFile, examples);
        List<FaqEntry> entries = FaqCorpus.read(corpus.resolve("faq.txt"),
                labels.stream().filter(l -> !l.equals(Intents.OOS)).collect(Collectors.toSet()));

        Map<String, String> settings = new TreeMap<>(kind.describe());
        settings.put(RankerKind.MANIFEST_KEY, ranker.option());
        ModelManifest manifest = ModelManifest.of(corpus, settings); // hashes what is trained on
        IntentClassifier classifier = kind.trainer(normalizer, tokenizer).train(examples, progress);
        LabeledCorpus.requireKnownAnswers(intentsFile, examples,
                entries.stream().map(FaqEntry::id).collect(Collectors.toSet()));
        Map<String, List<String>> answered = RankerKind.examples(examples);
        RankerTrainer.Result answers = ranker.train(entries, examples,
                new RankerKind.Text(normalizer, tokenizer, new RankerKind.SharedEncoder()), classifier,
                kind.trainer(normalizer, tokenizer)::train);
        Files.createDirectories(target);
        kind.save(classifier, target);
        RankerKind.save(answers, target);
        rebuildIndex(new LuceneFaqIndex(normalizer, tokenizer), entries, answered, target.resolve(Models.FAQ_INDEX));
        Files.copy(corpus.resolve(Models.SYNONYMS), target.resolve(Models.SYNONYMS), StandardCopyOption.REPLACE_EXISTING);
        manifest.write(target);
        return new Trained(labels.size(), examples.size(), entries.size());
    }

    /** Builds into a sibling directory and swaps it in, so a failed build leaves the old index intact. */
    private static void rebuildIndex(LuceneFaqIndex index, List<FaqEntry> entries, Map<String, List<String>> examples,
                                     Path dir) throws IOException {
        Path fresh = dir.resolveSibling(dir.getFileName() + ".new");
        deleteTree(fresh);
        Files.createDirectories(fresh);
        index.build(entries, examples, fresh);
        Files.deleteIfExists(fresh.resolve("write.lock")); // left by Lucene's lock factory; not part of the index
        deleteTree(dir);
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes {@code dir} and everything under it; a missing directory does nothing. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
