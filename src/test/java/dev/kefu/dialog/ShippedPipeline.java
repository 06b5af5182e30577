package dev.kefu.dialog;

import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.nio.file.Path;
import java.time.Clock;

/** The committed models under {@code models/}, loaded once per test JVM. */
final class ShippedPipeline {
    private static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    private static final LuceneFaqSearcher FAQ = LuceneFaqSearcher.open(Path.of("models/faq-index"));
    private static final ChatEngine.Pipeline PIPELINE = new ChatEngine.Pipeline(NORMALIZER,
            new SmartcnTokenizer(Synonyms.read(Path.of("models/synonyms.txt"), NORMALIZER)),
            OpenNlpIntentClassifier.load(Path.of("models/intent.bin")), FAQ);

    private ShippedPipeline() {
    }

    /** A new engine over the shipped models with its own in-memory conversations. */
    static ChatEngine engine(Clock clock) {
        return new ChatEngine(PIPELINE, new DecisionPolicy(Thresholds.DEFAULT, FAQ.entries()), new ReplyRenderer(null),
                new InMemoryConversationStore()).withContextTimeout(ChatEngine.DEFAULT_CONTEXT_TIMEOUT, clock);
    }
}
