package dev.kefu.cli;

import dev.kefu.dialog.Thresholds;
import dev.kefu.eval.Benchmark;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code bench}: in-process throughput and latency of the full pipeline, as JSON on stdout. */
final class BenchCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar bench [--threads N] [--seconds S] [--warmup S] [--data FILE]
                                                  [--models DIR] [--corpus DIR]
              --threads N   worker threads (default 2, the machine's cores)
              --seconds S   measured duration (default 10)
              --warmup S    unmeasured warm-up before it (default 5)
              --data FILE   messages to send, label<TAB>text (default corpus/eval.tsv)
              --models DIR  trained models (default models)
              --corpus DIR  corpus the models must match (default corpus)""";

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options options = Options.parse(args, Set.of("threads", "seconds", "warmup", "data", "models", "corpus"),
                Set.of());
        int threads = options.integer("threads", 2, 1, 256);
        int seconds = options.integer("seconds", 10, 1, 3600);
        int warmup = options.integer("warmup", 5, 0, 3600);
        List<String> messages = LabeledCorpus.read(options.path("data", "corpus/eval.tsv")).stream()
                .map(LabeledText::text).toList();
        Models models = Models.load(options.path("models", "models"), options.path("corpus", "corpus"));
        Benchmark benchmark = new Benchmark(models.engine(Thresholds.DEFAULT, null), messages);
        err.printf("bench: %d threads, %d s warm-up, %d s measured, %d distinct messages%n",
                threads, warmup, seconds, messages.size());
        Benchmark.Result result = benchmark.run(threads, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        out.println(Json.write(result));
        return 0;
    }
}
