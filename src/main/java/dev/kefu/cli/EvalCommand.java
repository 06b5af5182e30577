package dev.kefu.cli;

import dev.kefu.dialog.Thresholds;
import dev.kefu.eval.ClassificationMetrics;
import dev.kefu.eval.CrossValidation;
import dev.kefu.eval.CvReport;
import dev.kefu.eval.EvalError;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.Evaluator;
import dev.kefu.eval.LabelScores;
import dev.kefu.eval.Latency;
import dev.kefu.eval.SweepPoint;
import dev.kefu.eval.ThresholdAdvice;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.OpenNlpIntentTrainer;
import dev.kefu.intent.TrainingSettings;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code eval}: the full pipeline on a labeled file, or a freshly trained classifier alone. */
final class EvalCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar eval [--data FILE] [--train FILE] [--cv K] [--json FILE]
                                                 [--target-precision P] [--models DIR] [--corpus DIR]
                                                 [--errors N]
              --data FILE    labeled file to score, label<TAB>text (default corpus/eval.tsv)
              --train FILE   train a fresh classifier on FILE with the shipped settings and score
                             the classifier alone (for public benchmarks); models/ is not used
              --cv K         stratified K-fold cross-validation of the full pipeline on the
                             corpus's intents.tsv (a classifier per fold; FAQ and synonyms from
                             models/); eval.tsv is not used
              --json FILE    also write the report as JSON (keys documented in the README)
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
        Options options = Options.parse(args, Set.of("data", "train", "cv", "json", "models", "corpus", "errors",
                "target-precision"), Set.of());
        Path corpus = options.path("corpus", "corpus");
        double target = options.decimal("target-precision", 0.97, 0.0, 1.0);
        if (options.has("cv")) {
            if (options.has("train") || options.has("data")) {
                throw new UsageException("--cv scores the corpus's intents.tsv; it takes neither --train nor --data");
            }
            return crossValidate(options, corpus, target, out, err);
        }
        List<LabeledText> data = LabeledCorpus.read(options.path("data", "corpus/eval.tsv"));
        EvalReport report = options.has("train")
                ? classifierOnly(LabeledCorpus.read(options.path("train", null)), data, corpus)
                : fullPipeline(options, data, corpus, err);
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        printSummary(report, options.integer("errors", 15, 0, 100_000), out);
        if (report.thresholdSweep() != null) {
            printAdvice(report.thresholdSweep(), target, out);
        }
        return 0;
    }

    private static int crossValidate(Options options, Path corpus, double target, PrintStream out, PrintStream err)
            throws IOException {
        int k = options.integer("cv", 5, 2, 50);
        Models models = Models.load(options.path("models", "models"), corpus);
        List<LabeledText> examples = LabeledCorpus.read(corpus.resolve("intents.tsv"));
        OpenNlpIntentTrainer trainer = new OpenNlpIntentTrainer(models.normalizer(), models.tokenizer(),
                TrainingSettings.DEFAULT);
        CrossValidation cv = new CrossValidation(train -> {
            Models fold = models.withClassifier(trainer.train(train));
            return t -> fold.engine(t, null);
        }, Thresholds.DEFAULT);
        CvReport report = cv.run(examples, k, new ProgressBar(err, "cv"));
        if (options.has("json")) {
            Json.write(report, options.path("json", null));
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation on %s (%d lines), answer threshold %.2f%n", k,
                corpus.resolve("intents.tsv"), examples.size(), Thresholds.DEFAULT.answer());
        printStat("intent accuracy", report.accuracy(), out);
        printStat("macro-F1", report.macroF1(), out);
        printStat("end to end", report.e2eAccuracy(), out);
        printStat("oos recall", report.oosRecall(), out);
        printStat("auto-answer precision", report.autoAnswerPrecision(), out);
        printStat("coverage", report.coverage(), out);
        printSweep(report.thresholdSweep(), out);
        printAdvice(report.thresholdSweep(), target, out);
        return 0;
    }

    private static void printStat(String name, CvReport.Stat stat, PrintStream out) {
        out.printf(Locale.ROOT, "  %-22s %.3f ± %.3f%n", name, stat.mean(), stat.sd());
    }

    private static void printAdvice(List<SweepPoint> sweep, double target, PrintStream out) {
        double shipped = Thresholds.DEFAULT.answer();
        out.println();
        ThresholdAdvice.of(sweep, target).ifPresentOrElse(a -> out.printf(Locale.ROOT,
                "recommended answer threshold %.2f: precision %.3f >= %.2f at coverage %.3f, oos recall %.3f; "
                        + "shipped %.2f is %s%n", a.best().threshold(), a.best().precision(), target,
                a.best().coverage(), a.best().oosRecall(), shipped,
                Math.abs(a.best().threshold() - shipped) <= 0.05 + 1e-9 ? "near it" : "NOT near it"),
                () -> out.printf(Locale.ROOT, "no answer threshold reaches precision %.2f%n", target));
    }

    private static EvalReport fullPipeline(Options options, List<LabeledText> data, Path corpus, PrintStream err) {
        Models models = Models.load(options.path("models", "models"), corpus);
        String hotline = Settings.hotline(options, System.getenv());
        Evaluator evaluator = new Evaluator(t -> models.engine(t, hotline), Thresholds.DEFAULT);
        return evaluator.run(data, new ProgressBar(err, "eval"));
    }

    private static EvalReport classifierOnly(List<LabeledText> train, List<LabeledText> data, Path corpus) {
        TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
        SmartcnTokenizer tokenizer = new SmartcnTokenizer(Synonyms.read(corpus.resolve(Models.SYNONYMS), normalizer));
        IntentClassifier classifier = new OpenNlpIntentTrainer(normalizer, tokenizer, TrainingSettings.DEFAULT).train(train);
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        long[] nanos = new long[data.size()];
        long start = System.nanoTime();
        for (int i = 0; i < data.size(); i++) {
            long t0 = System.nanoTime();
            gold.add(data.get(i).label());
            predicted.add(classifier.classify(tokenizer.tokenize(normalizer.normalize(data.get(i).text()))).top().label());
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationMetrics m = ClassificationMetrics.of(gold, predicted);
        List<EvalError> errors = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (!gold.get(i).equals(predicted.get(i))) {
                errors.add(new EvalError(data.get(i).text(), gold.get(i), predicted.get(i), 0, "classify", ""));
            }
        }
        return new EvalReport(data.size(), m.accuracy(), m.macroF1(), null, null, null, null, null, null,
                m.perLabel(), m.confusion(), null, Latency.ofNanos(nanos, nanos.length), data.size() / seconds, errors);
    }

    private static void printSweep(List<SweepPoint> sweep, PrintStream out) {
        out.println();
        out.println("answer threshold   coverage   precision   end-to-end   oos recall");
        for (SweepPoint p : sweep) {
            out.printf(Locale.ROOT, "%16.2f %10.3f %11.3f %12.3f %12.3f%n", p.threshold(), p.coverage(),
                    p.precision(), p.e2eAccuracy(), p.oosRecall());
        }
    }

    private static void printSummary(EvalReport r, int maxErrors, PrintStream out) {
        out.printf(Locale.ROOT, "n %d   intent accuracy %.3f   macro-F1 %.3f%n", r.n(), r.accuracy(), r.macroF1());
        if (r.e2eAccuracy() != null) {
            out.printf(Locale.ROOT, "end to end %.3f   oos recall %.3f   auto-answer precision %.3f   coverage %.3f"
                    + "   (answer threshold %.2f)%n", r.e2eAccuracy(), r.oosRecall(), r.autoAnswerPrecision(),
                    r.coverage(), r.answerThreshold());
            out.println("actions " + r.actions());
        }
        out.printf(Locale.ROOT, "latency p50 %.0f us, p99 %.0f us, one thread; %.0f messages/s%n",
                r.latencyUs().p50(), r.latencyUs().p99(), r.throughputPerS());
        out.println();
        out.printf("%-22s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (Map.Entry<String, LabelScores> e : new TreeMap<>(r.perLabel()).entrySet()) {
            LabelScores s = e.getValue();
            out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %8d%n", e.getKey(), s.precision(), s.recall(), s.f1(),
                    s.support());
        }
        if (r.thresholdSweep() != null) {
            printSweep(r.thresholdSweep(), out);
        }
        out.println();
        out.println("errors (" + r.errors().size() + ", most confident first):");
        r.errors().stream().limit(maxErrors).forEach(e -> out.printf(Locale.ROOT, "  %-20s -> %-20s %.2f %-8s %s | %s%n",
                e.gold(), e.predicted(), e.confidence(), e.action(), e.text(), e.reason()));
    }
}
