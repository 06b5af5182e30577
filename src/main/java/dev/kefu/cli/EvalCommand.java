package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.ClassifierEvaluator;
import dev.kefu.eval.CrossValidation;
import dev.kefu.eval.CvReport;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.Evaluator;
import dev.kefu.eval.dialog.DialogEvaluator;
import dev.kefu.eval.dialog.DialogReport;
import dev.kefu.eval.dialog.DialogScript;
import dev.kefu.eval.html.HtmlReport;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.LuceneFaqIndex;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentTrainer;
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
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code eval}: the full pipeline on a labeled file, or a freshly trained classifier alone. */
final class EvalCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar eval [--data FILE] [--train FILE] [--cv K] [--json FILE]
                                                 [--html FILE] [--classifier NAME] [--ranker NAME]
                                                 [--target-precision P] [--dialogs PATH]
                                                 [--models DIR] [--corpus DIR] [--errors N]
              --data FILE    labeled file to score, label<TAB>text (default corpus/eval.tsv)
              --train FILE   train a fresh classifier on FILE with the shipped settings and score
                             the classifier alone (for public benchmarks); models/ is not used
              --cv K         stratified K-fold cross-validation: of the classifier alone on the
                             --train FILE, or else of the full pipeline at the answer level: the
                             corpus's intents.tsv lines and the FAQ's paraphrases are split into K
                             folds; each fold is answered by a classifier, an FAQ index and a
                             ranker built without it. --data is not used
              --classifier NAME
                             opennlp, liblinear, ensemble (the two averaged) or liblinear-bge
                             (liblinear with bge-small-zh sentence vectors, about 0.5 ms a
                             message); default: the one in models/, or opennlp with --train.
                             Another one than models/ holds is trained on the corpus's
                             intents.tsv in memory and replaces it for this run
              --ranker NAME  learned-bge, learned or intent-first: how the FAQ entry is chosen
                             (default: the one in models/); another one is fitted in memory
              --json FILE    also write the report as JSON (keys documented in the README)
              --html FILE    also write a self-contained HTML report with charts
              --target-precision P
                             auto-answer precision the recommended answer threshold must keep
                             (default 0.97)
              --models DIR   trained models (default models)
              --corpus DIR   corpus the models must match; its synonyms.txt is used with --train
                             (default corpus)
              --errors N     how many errors to list in the summary (default 15)
              --dialogs PATH score scripted multi-turn conversations instead (a file, or every
                             *.txt of a directory; format in the README): the pass rate per
                             conversation and per turn, and the failed turns""";

    private EvalCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("data", "train", "cv", "json", "html", "classifier", "ranker",
                "models", "corpus", "errors", "target-precision", "dialogs"), Set.of());
        Path corpus = options.path("corpus", "corpus");
        double target = options.decimal("target-precision", 0.97, 0.0, 1.0);
        ClassifierKind requested = requestedKind(options);
        if (options.has("cv") && (options.has("data") || options.has("html"))) {
            throw new UsageException("--cv scores training lines; it takes neither --data nor --html");
        }
        // without --train the figures are the pipeline's over models/, whose classifier is the default
        Models shipped = options.has("train") ? null : Models.load(options.path("models", "models"), corpus);
        ClassifierKind kind = requested != null ? requested : shipped != null ? shipped.kind() : ClassifierKind.ALONE;
        RankerKind ranker = options.has("ranker") ? RankerKind.named(options.string("ranker", null))
                : shipped != null ? shipped.rankerKind() : RankerKind.SHIPPED;
        if (options.has("ranker") && options.has("train")) {
            throw new UsageException("--ranker chooses FAQ entries; with --train the classifier is scored alone");
        }
        if (options.has("dialogs")) {
            if (options.has("cv") || options.has("train") || options.has("data") || options.has("html")) {
                throw new UsageException("--dialogs scores conversations with models/; it takes none of --cv, --train,"
                        + " --data, --html");
            }
            return dialogs(options, corpus, shipped, new Kinds(kind, ranker), out, err);
        }
        if (options.has("cv")) {
            return crossValidate(options, corpus, shipped, new Kinds(kind, ranker), target, out, err);
        }
        Path dataFile = options.path("data", "corpus/eval.tsv");
        List<LabeledText> data = LabeledCorpus.read(dataFile);
        if (shipped != null) {
            LabeledCorpus.requireKnownAnswers(dataFile, data, faqIds(shipped));
        }
        EvalReport report = options.has("train")
                ? classifierOnly(LabeledCorpus.read(options.path("train", null)), data, corpus, kind, err)
                : fullPipeline(options, data, corpus, shipped, new Kinds(kind, ranker), err);
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        if (options.has("html")) {
            String source = options.path("data", "corpus/eval.tsv") + (options.has("train")
                    ? ", " + kind.option() + " classifier alone, trained on " + options.path("train", null)
                    : ", full pipeline, " + kind.option() + " classifier, " + ranker.option() + " ranker");
            writeHtml(HtmlReport.render(report, source, Thresholds.DEFAULT.answer(), target), options.path("html", null));
        }
        EvalSummary.print(report, options.integer("errors", 15, 0, 100_000), out);
        if (report.thresholdSweep() != null) {
            EvalSummary.printAdvice(report.thresholdSweep(), target, out);
        }
        return 0;
    }

    private static int crossValidate(Options options, Path corpus, Models models, Kinds kinds, double target,
                                     PrintStream out, PrintStream err) throws IOException {
        int k = options.integer("cv", 5, 2, 50);
        ClassifierKind kind = kinds.classifier();
        CvReport report;
        String what;
        if (options.has("train")) {
            Path file = options.path("train", null);
            List<LabeledText> examples = LabeledCorpus.read(file);
            Text text = Text.of(corpus);
            IntentTrainer trainer = kind.trainer(text.normalizer(), text.tokenizer());
            report = CrossValidation.ofClassifier(train -> text.predictor(trainer.train(train)))
                    .run(examples, k, new ProgressBar(err, "cv"));
            what = file + " (" + examples.size() + " lines), " + kind.option() + " classifier alone";
        } else {
            Path file = corpus.resolve("intents.tsv");
            List<LabeledText> lines = LabeledCorpus.read(file);
            LabeledCorpus.requireKnownAnswers(file, lines, faqIds(models));
            AnswerFolds folds = new AnswerFolds(lines, models.faq().entries());
            IntentTrainer trainer = kind.trainer(models.normalizer(), models.tokenizer());
            LuceneFaqIndex index = new LuceneFaqIndex(models.normalizer(), models.tokenizer());
            report = CrossValidation.ofPipeline(train -> {
                List<LabeledText> fromLines = folds.linesIn(train);
                Models fold = models.withFaq(index.inMemory(folds.entriesIn(train), RankerKind.examples(fromLines)),
                        fromLines, new Models.Kinds(trainer.train(fromLines), kind, kinds.ranker()));
                return t -> fold.engine(t, null);
            }, Thresholds.DEFAULT).run(folds.examples(), k, new ProgressBar(err, "cv"));
            what = file + " (" + lines.size() + " lines) and the FAQ's " + folds.paraphrases() + " paraphrases, full"
                    + " pipeline, " + kind.option() + " classifier, " + kinds.ranker().option() + " ranker, answer"
                    + " threshold " + Thresholds.DEFAULT.answer();
        }
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        EvalSummary.printCv(report, what, out);
        if (report.thresholdSweep() != null) {
            EvalSummary.printAdvice(report.thresholdSweep(), target, out);
        }
        EvalSummary.printCvAnswerErrors(report, options.integer("errors", 15, 0, 100_000), out);
        return 0;
    }

    private static EvalReport fullPipeline(Options options, List<LabeledText> data, Path corpus, Models shipped,
                                           Kinds kinds, PrintStream err) {
        Models models = served(options, corpus, shipped, kinds, err);
        String hotline = Settings.hotline(options, System.getenv());
        Models running = models;
        Evaluator evaluator = new Evaluator(t -> running.engine(t, hotline), Thresholds.DEFAULT);
        return evaluator.run(data, new ProgressBar(err, "eval"));
    }

    private static int dialogs(Options options, Path corpus, Models shipped, Kinds kinds, PrintStream out,
                               PrintStream err) throws IOException {
        Path path = options.path("dialogs", null);
        if (!Files.exists(path)) {
            throw new UsageException("--dialogs: no such file or directory: " + path);
        }
        List<DialogScript.Conversation> conversations = DialogScript.read(path);
        Models models = served(options, corpus, shipped, kinds, err);
        String hotline = Settings.hotline(options, System.getenv());
        DialogReport report = new DialogEvaluator(clock -> models.engine(Thresholds.DEFAULT, hotline)
                .withContextTimeout(ChatEngine.DEFAULT_CONTEXT_TIMEOUT, clock)).run(conversations);
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        EvalSummary.printDialogs(report, path.toString(), options.integer("errors", 15, 0, 100_000), out);
        return 0;
    }

    /** {@code shipped}, or the same models with the classifier and ranker of {@code kinds} fitted in memory. */
    private static Models served(Options options, Path corpus, Models shipped, Kinds kinds, PrintStream err) {
        if (kinds.classifier() == shipped.kind() && kinds.ranker() == shipped.rankerKind()) {
            return shipped;
        }
        IntentClassifier classifier = kinds.classifier() == shipped.kind() ? shipped.classifier()
                : kinds.classifier().trainer(shipped.normalizer(), shipped.tokenizer())
                .train(LabeledCorpus.read(corpus.resolve("intents.tsv")), new ProgressBar(err, "train"));
        return shipped.withRanker(classifier, kinds.classifier(), kinds.ranker());
    }

    private static Set<String> faqIds(Models models) {
        return models.faq().entries().stream().map(FaqEntry::id).collect(Collectors.toSet());
    }

    /** The classifier and the ranker a run uses. */
    private record Kinds(ClassifierKind classifier, RankerKind ranker) {
    }

    private static EvalReport classifierOnly(List<LabeledText> train, List<LabeledText> data, Path corpus,
                                             ClassifierKind kind, PrintStream err) {
        Text text = Text.of(corpus);
        IntentClassifier classifier = kind.trainer(text.normalizer(), text.tokenizer())
                .train(train, new ProgressBar(err, "train"));
        return new ClassifierEvaluator(text.predictor(classifier)).run(data, new ProgressBar(err, "eval"));
    }

    /** The {@code --classifier} option (any kind), or null when it is not given. */
    static ClassifierKind requestedKind(Options options) {
        return options.has("classifier") ? ClassifierKind.named(options.string("classifier", null)) : null;
    }

    private static void writeHtml(String html, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html);
    }

    /** The normalizer and tokenizer for a classifier trained outside models/ (synonyms from the corpus). */
    record Text(TextNormalizer normalizer, SmartcnTokenizer tokenizer) {
        static Text of(Path corpus) {
            TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
            return new Text(normalizer, new SmartcnTokenizer(Synonyms.read(corpus.resolve(Models.SYNONYMS), normalizer)));
        }

        Function<String, IntentPrediction> predictor(IntentClassifier classifier) {
            return message -> classifier.classify(tokenizer.tokenize(normalizer.normalize(message)));
        }
    }
}
