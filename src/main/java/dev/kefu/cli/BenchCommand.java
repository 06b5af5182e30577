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
import dev.kefu.dialog.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** {@code bench}: in-process throughput and latency, as JSON on stdout and a table on stderr. */
final class BenchCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar bench [--threads N] [--seconds S] [--warmup S] [--data FILE]
                                                  [--train FILE] [--classifier NAME] [--models DIR]
                                                  [--corpus DIR] [--mix distinct|zipf]
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
                            training, its synonyms.txt with --train (default corpus)
              --mix M       distinct (default): every message analysed afresh, the analysis
                            cache off; zipf: messages drawn with a Zipf law (s 1) over the
                            --data lines, as customer service repeats itself, through the
                            cache (its hit rate is reported)""";

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options options = Options.parse(args, Set.of("threads", "seconds", "warmup", "data", "train", "classifier",
                "models", "corpus", "mix"), Set.of());
        String mix = options.string("mix", "distinct");
        if (!mix.equals("distinct") && !mix.equals("zipf")) {
            throw new UsageException("--mix must be distinct or zipf, was " + mix);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = options.integer("threads", cores, 1, 256);
        int seconds = options.integer("seconds", 10, 1, 3600);
        int warmup = options.integer("warmup", 5, 0, 3600);
        ClassifierKind requested = EvalCommand.requestedKind(options);
        List<String> lines = LabeledCorpus.read(options.path("data", "corpus/eval.tsv")).stream()
                .map(LabeledText::text).toList();
        List<String> messages = mix.equals("zipf") ? zipf(lines) : lines;
        Path corpus = options.path("corpus", "corpus");
        boolean alone = options.has("train");
        long loadStart = System.nanoTime();
        Models models = alone ? null : Models.load(options.path("models", "models"), corpus);
        double loadMs = alone ? 0 : (System.nanoTime() - loadStart) / 1e6;
        ClassifierKind kind = requested != null ? requested : alone ? ClassifierKind.ALONE : models.kind();
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
        Models running = null;
        if (alone) {
            handler = (conversation, message) -> trained.classify(tokenizer.tokenize(normalizer.normalize(message)));
        } else {
            running = (kind == models.kind() ? models : models.withClassifier(trained, kind))
                    .withCache(mix.equals("zipf") ? Analyzer.DEFAULT_CACHE : 0);
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
        Analyzer.CacheStats cache = running == null ? new Analyzer.CacheStats(0, 0) : running.analyzer().cacheStats();
        BenchReport report = new BenchReport(alone ? "classifier" : "pipeline", kind.option(), cores,
                System.getProperty("java.version"), trainMs, loadMs, heapMb, runs,
                running == null ? null : running.rankerKind().option(), mix, cache.hitRate(),
                running == null ? 0 : running.analyzer().fastShare());
        printTable(report, lines.size(), err);
        out.println(Json.write(report));
        return 0;
    }

    /** 200,000 draws of {@code lines} by a Zipf law (s 1) over a seeded shuffle of them: a few messages are most of the traffic. */
    static List<String> zipf(List<String> lines) {
        List<String> ranked = new ArrayList<>(lines);
        Random random = new Random(42);
        Collections.shuffle(ranked, random);
        double[] cumulative = new double[ranked.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        List<String> draws = new ArrayList<>();
        for (int d = 0; d < 200_000; d++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            draws.add(ranked.get(Math.min(at < 0 ? -at - 1 : at, ranked.size() - 1)));
        }
        return draws;
    }

    private static void printTable(BenchReport r, int distinct, PrintStream err) {
        err.printf(Locale.ROOT, "%s, %s classifier, %s ranker, %d lines (%s), %d cores, Java %s%n", r.mode(),
                r.classifier(), r.ranker(), distinct, r.mix(), r.cores(), r.java());
        if (r.ranker() != null) {
            err.printf(Locale.ROOT, "analysis cache hit rate %.3f   decided without the encoder %.3f%n", r.cacheHitRate(),
                    r.fastShare());
        }
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
