package dev.kefu.jmh;

import dev.kefu.dialog.conversation.DecisionRecord;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microbenchmarks of the pipeline's steps on the shipped models, one message per call, cycling
 * over the lines of {@code corpus/eval.tsv}. Run from the project directory with
 * {@code ./mvnw -P jmh test-compile exec:exec} (see BENCHMARKS.md); not part of the test run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBenchmarks {
    private TextNormalizer normalizer;
    private SmartcnTokenizer tokenizer;
    private OpenNlpIntentClassifier classifier;
    private LuceneFaqSearcher searcher;
    private List<String> messages;
    private List<String> normalized;
    private List<Tokens> tokens;
    private List<IntentPrediction> predictions;
    private List<List<FaqHit>> hits;
    private int next;

    @Setup
    public void load() {
        normalizer = new TextNormalizer(ChineseVariants.icu());
        tokenizer = new SmartcnTokenizer(Synonyms.read(Path.of("models/synonyms.txt"), normalizer));
        classifier = OpenNlpIntentClassifier.load(Path.of("models/intent.bin"));
        searcher = LuceneFaqSearcher.open(Path.of("models/faq-index"));
        messages = LabeledCorpus.read(Path.of("corpus/eval.tsv")).stream().map(LabeledText::text).toList();
        normalized = messages.stream().map(normalizer::normalize).toList();
        tokens = normalized.stream().map(tokenizer::tokenize).toList();
        predictions = tokens.stream().map(classifier::classify).toList();
        hits = tokens.stream().map(t -> searcher.search(t, 5)).toList();
    }

    private int index() {
        next = next + 1 == messages.size() ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public String normalize() {
        return normalizer.normalize(messages.get(index()));
    }

    @Benchmark
    public Tokens tokenize() {
        return tokenizer.tokenize(normalized.get(index()));
    }

    @Benchmark
    public IntentPrediction classify() {
        return classifier.classify(tokens.get(index()));
    }

    @Benchmark
    public List<FaqHit> searchFaq() {
        return searcher.search(tokens.get(index()), 3);
    }

    /**
     * The decision log's share of a reply: the record built from the message's intents and
     * candidates (as {@code ChatEngine} does) and written as the JSON the store keeps.
     */
    @Benchmark
    public String decisionLog() {
        int i = index();
        List<DecisionRecord.Candidate> candidates = hits.get(i).stream().limit(DecisionRecord.KEPT)
                .map(h -> new DecisionRecord.Candidate(h.entry().id(), Math.min(1, h.score() / 100))).toList();
        return new DecisionRecord("corpus-0123456789ab opennlp/learned-bge", predictions.get(i).ranked(), candidates,
                "full", Thresholds.DEFAULT, "answer", "confident_match", "refund-time 0.93 >= 0.50").toJson();
    }
}
