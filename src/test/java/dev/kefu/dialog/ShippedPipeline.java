package dev.kefu.dialog;

import dev.kefu.answer.LearnedAnswerRanker;
import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import dev.kefu.intent.ensemble.EnsembleModelFiles;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.nio.file.Path;
import java.time.Clock;

/** The committed models under {@code models/} (the ensemble of OpenNLP and liblinear and the learned-bge ranker, as served), loaded once per test JVM. */
final class ShippedPipeline {
    private static final Path MODELS = Path.of("models");
    private static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    private static final LuceneFaqSearcher FAQ = LuceneFaqSearcher.open(MODELS.resolve("faq-index"));
    private static final Analyzer ANALYZER = new Analyzer(new ChatEngine.Pipeline(NORMALIZER,
            new SmartcnTokenizer(Synonyms.read(MODELS.resolve("synonyms.txt"), NORMALIZER)),
            EnsembleModelFiles.load(MODELS, "intent.bin"),
            LearnedAnswerRanker.read(MODELS, FAQ, BgeSentenceEncoder.loadForConcurrentCalls())), Analyzer.DEFAULT_CACHE, Analyzer.pinyinOf(FAQ.entries()));

    private ShippedPipeline() {
    }

    /** A new engine over the shipped models with its own in-memory conversations. */
    static ChatEngine engine(Clock clock) {
        return new ChatEngine(ANALYZER, new DecisionPolicy(Thresholds.DEFAULT, FAQ.entries()), new ReplyRenderer(null),
                new InMemoryConversationStore()).withContextTimeout(ChatEngine.DEFAULT_CONTEXT_TIMEOUT, clock);
    }
}
