package dev.kefu.cli;

import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.ClassifierEvaluator;
import dev.kefu.eval.CrossValidation;
import dev.kefu.eval.CvReport;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.Evaluator;
import dev.kefu.eval.html.HtmlReport;
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

/** {@code eval}: the full pipeline on a labeled file, or a freshly trained classifier alone. */
final class EvalCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar eval [--data FILE] [--train FILE] [--cv K] [--json FILE]
                                                 [--html FILE] [--classifier NAME] [--target-precision P]
                                                 [--models DIR] [--corpus DIR] [--errors N]
              --data FILE    labeled file to score, label<TAB>text (default corpus/eval.tsv)
              --train FILE   train a fresh classifier on FILE with the shipped settings and score
                             the classifier alone (for public benchmarks); models/ is not used
              --cv K         stratified K-fold cross-validation: of the classifier alone on the
                             --train FILE, or else of the full pipeline on the corpus's intents.tsv
                             (FAQ and synonyms from models/); --data is not used
              --classifier NAME
                             opennlp, liblinear, ensemble (the two averaged) or liblinear-bge
                             (liblinear with bge-small-zh sentence vectors, about 0.5 ms a
                             message); default: the one in models/, or opennlp with --train.
                             Another one than models/ holds is trained on the corpus's
                             intents.tsv in memory and replaces it for this run
              --json FILE    also write the report as JSON (keys documented in the README)
              --html FILE    also write a self-contained HTML report with charts
              --target-precision P
                             auto-answer precision the recommended answer threshold must keep
                             (default 0.97)
              --models DIR   trained models (default models)
              --corpus DIR   corpus the models must match; its synonyms.txt is used with --train
                             (default corpus)
              --errors N     how many errors to list in the summary (default 15)""";

    private EvalCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("data", "train", "cv", "json", "html", "classifier", "models",
                "corpus", "errors", "target-precision"), Set.of());
        Path corpus = options.path("corpus", "corpus");
        double target = options.decimal("target-precision", 0.97, 0.0, 1.0);
        ClassifierKind requested = requestedKind(options);
        if (options.has("cv") && (options.has("data") || options.has("html"))) {
            throw new UsageException("--cv scores training lines; it takes neither --data nor --html");
        }
        // without --train the figures are the pipeline's over models/, whose classifier is the default
        Models shipped = options.has("train") ? null : Models.load(options.path("models", "models"), corpus);
        ClassifierKind kind = requested != null ? requested : shipped != null ? shipped.kind() : ClassifierKind.SHIPPED;
        if (options.has("cv")) {
            return crossValidate(options, corpus, shipped, kind, target, out, err);
        }
        List<LabeledText> data = LabeledCorpus.read(options.path("data", "corpus/eval.tsv"));
        EvalReport report = options.has("train")
                ? classifierOnly(LabeledCorpus.read(options.path("train", null)), data, corpus, kind, err)
                : fullPipeline(options, data, corpus, shipped, kind, err);
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        if (options.has("html")) {
            String source = options.path("data", "corpus/eval.tsv") + (options.has("train")
                    ? ", " + kind.option() + " classifier alone, trained on " + options.path("train", null)
                    : ", full pipeline, " + kind.option() + " classifier");
            writeHtml(HtmlReport.render(report, source, Thresholds.DEFAULT.answer()), options.path("html", null));
        }
        EvalSummary.print(report, options.integer("errors", 15, 0, 100_000), out);
        if (report.thresholdSweep() != null) {
            EvalSummary.printAdvice(report.thresholdSweep(), target, out);
        }
        return 0;
    }

    private static int crossValidate(Options options, Path corpus, Models models, ClassifierKind kind, double target,
                                     PrintStream out, PrintStream err) throws IOException {
        int k = options.integer("cv", 5, 2, 50);
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
            List<LabeledText> examples = LabeledCorpus.read(corpus.resolve("intents.tsv"));
            IntentTrainer trainer = kind.trainer(models.normalizer(), models.tokenizer());
            report = CrossValidation.ofPipeline(train -> {
                Models fold = models.withClassifier(trainer.train(train), kind);
                return t -> fold.engine(t, null);
            }, Thresholds.DEFAULT).run(examples, k, new ProgressBar(err, "cv"));
            what = corpus.resolve("intents.tsv") + " (" + examples.size() + " lines), full pipeline, " + kind.option()
                    + " classifier, answer threshold " + Thresholds.DEFAULT.answer();
        }
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        EvalSummary.printCv(report, what, out);
        if (report.thresholdSweep() != null) {
            EvalSummary.printAdvice(report.thresholdSweep(), target, out);
        }
        return 0;
    }

    private static EvalReport fullPipeline(Options options, List<LabeledText> data, Path corpus, Models shipped,
                                           ClassifierKind kind, PrintStream err) {
        Models models = kind == shipped.kind() ? shipped : shipped.withClassifier(
                kind.trainer(shipped.normalizer(), shipped.tokenizer())
                        .train(LabeledCorpus.read(corpus.resolve("intents.tsv")), new ProgressBar(err, "train")), kind);
        String hotline = Settings.hotline(options, System.getenv());
        Evaluator evaluator = new Evaluator(t -> models.engine(t, hotline), Thresholds.DEFAULT);
        return evaluator.run(data, new ProgressBar(err, "eval"));
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
        return options.has("classifier") ? ClassifierKind.named(options.string("classifier", null), false) : null;
    }

    private static void writeHtml(String html, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html);
    }

    /** The normalizer and tokenizer for a classifier trained outside models/ (synonyms from the corpus). */
    private record Text(TextNormalizer normalizer, SmartcnTokenizer tokenizer) {
        static Text of(Path corpus) {
            TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
            return new Text(normalizer, new SmartcnTokenizer(Synonyms.read(corpus.resolve(Models.SYNONYMS), normalizer)));
        }

        Function<String, IntentPrediction> predictor(IntentClassifier classifier) {
            return message -> classifier.classify(tokenizer.tokenize(normalizer.normalize(message)));
        }
    }
}
