package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ServiceHours;
import dev.kefu.dialog.conversation.FirstTurnConversationStore;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.BenchReport;
import dev.kefu.eval.Benchmark;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code bench}: in-process throughput and latency, as JSON on stdout and a table on stderr. */
final class BenchCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar bench [--threads N] [--seconds S] [--warmup S] [--data FILE]
                                                  [--train FILE] [--classifier NAME] [--models DIR]
                                                  [--corpus DIR]
              --threads N   threads of the second run; the first always uses 1 (default: all cores)
              --seconds S   measured duration of each run (default 10)
              --warmup S    unmeasured warm-up before each run (default 5)
              --data FILE   messages to send, label<TAB>text (default corpus/eval.tsv)
              --train FILE  measure the classifier alone (normalize, tokenize, classify), trained
                            on FILE; models/ is not used
              --classifier NAME
                            opennlp, liblinear, ensemble or liblinear-bge: the classifier
                            whose training is timed and, with --train, measured (default:
                            the one in models/, or opennlp with --train)
              --models DIR  trained models (default models)
              --corpus DIR  corpus the models must match; its intents.tsv is used to time
                            training, its synonyms.txt with --train (default corpus)""";

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options options = Options.parse(args, Set.of("threads", "seconds", "warmup", "data", "train", "classifier",
                "models", "corpus"), Set.of());
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = options.integer("threads", cores, 1, 256);
        int seconds = options.integer("seconds", 10, 1, 3600);
        int warmup = options.integer("warmup", 5, 0, 3600);
        ClassifierKind requested = EvalCommand.requestedKind(options);
        List<String> messages = LabeledCorpus.read(options.path("data", "corpus/eval.tsv")).stream()
                .map(LabeledText::text).toList();
        Path corpus = options.path("corpus", "corpus");
        boolean alone = options.has("train");
        long loadStart = System.nanoTime();
        Models models = alone ? null : Models.load(options.path("models", "models"), corpus);
        double loadMs = alone ? 0 : (System.nanoTime() - loadStart) / 1e6;
        ClassifierKind kind = requested != null ? requested : alone ? ClassifierKind.SHIPPED : models.kind();
        TextNormalizer normalizer = alone ? new TextNormalizer(ChineseVariants.icu()) : models.normalizer();
        SmartcnTokenizer tokenizer = alone
                ? new SmartcnTokenizer(Synonyms.read(corpus.resolve(Models.SYNONYMS), normalizer)) : models.tokenizer();
        IntentTrainer trainer = kind.trainer(normalizer, tokenizer);
        List<LabeledText> training = LabeledCorpus.read(alone ? options.path("train", null)
                : corpus.resolve("intents.tsv"));
        long trainStart = System.nanoTime();
        IntentClassifier trained = trainer.train(training, new ProgressBar(err, "train"));
        double trainMs = (System.nanoTime() - trainStart) / 1e6;
        Benchmark.Handler handler;
        if (alone) {
            handler = (conversation, message) -> trained.classify(tokenizer.tokenize(normalizer.normalize(message)));
        } else {
            Models running = kind == models.kind() ? models : models.withClassifier(trained, kind);
            ChatEngine engine = running.engine(Thresholds.DEFAULT, null, new FirstTurnConversationStore(), ServiceHours.ALWAYS);
            handler = engine::reply;
        }
        System.gc();
        double heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
        Benchmark benchmark = new Benchmark(handler, messages);
        List<Benchmark.Result> runs = new ArrayList<>();
        for (int n : threads == 1 ? List.of(1) : List.of(1, threads)) {
            runs.add(benchmark.run(n, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                    new ProgressBar(err, "bench " + n + (n == 1 ? " thread " : " threads"))));
        }
        BenchReport report = new BenchReport(alone ? "classifier" : "pipeline", kind.option(), cores,
                System.getProperty("java.version"), trainMs, loadMs, heapMb, runs);
        printTable(report, messages.size(), err);
        out.println(Json.write(report));
        return 0;
    }

    private static void printTable(BenchReport r, int distinct, PrintStream err) {
        err.printf(Locale.ROOT, "%s, %s classifier, %d distinct messages, %d cores, Java %s%n", r.mode(),
                r.classifier(), distinct, r.cores(), r.java());
        err.printf(Locale.ROOT, "training %.0f ms   model load %.0f ms   heap used %.0f MB%n", r.trainMs(), r.loadMs(),
                r.heapUsedMb());
        err.println("threads   messages/s   per thread   p50 us   p99 us  p99.9 us");
        for (Benchmark.Result run : r.runs()) {
            err.printf(Locale.ROOT, "%7d %12.0f %12.0f %8.1f %8.1f %9.1f%n", run.threads(), run.throughputPerS(),
                    run.throughputPerS() / run.threads(), run.latencyUs().p50(), run.latencyUs().p99(),
                    run.latencyUs().p999());
        }
    }
}
