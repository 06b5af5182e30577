package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.dialog.ServiceHours;
import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.CorpusException;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The trained artifacts under {@code models/} and the engine wired from them. The directory is
 * self-contained (the synonyms are copied there at train time); when the corpus directory is
 * present, models built from another version of it are refused.
 */
record Models(TextNormalizer normalizer, SmartcnTokenizer tokenizer, IntentClassifier classifier,
              LuceneFaqSearcher faq, ClassifierKind kind) {
    static final String FAQ_INDEX = "faq-index";
    static final String SYNONYMS = "synonyms.txt";

    /** Loads {@code modelsDir}, refusing it when {@code corpusDir} has changed since training. */
    static Models load(Path modelsDir, Path corpusDir) {
        ModelManifest manifest = ModelManifest.read(modelsDir);
        if (corpusDir != null && Files.isDirectory(corpusDir)) {
            List<String> changed = manifest.staleAgainst(corpusDir);
            if (!changed.isEmpty()) {
                throw new CorpusException(modelsDir + " is stale: " + String.join(", ", changed)
                        + " changed since the models were trained; run `java -jar target/kefu.jar train`");
            }
        }
        TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
        Path synonyms = modelsDir.resolve(SYNONYMS);
        if (!Files.isRegularFile(synonyms)) {
            throw new CorpusException(synonyms + ": not found; run `java -jar target/kefu.jar train`");
        }
        SmartcnTokenizer tokenizer = new SmartcnTokenizer(Synonyms.read(synonyms, normalizer));
        ClassifierKind kind = kindOf(manifest, modelsDir);
        return new Models(normalizer, tokenizer, kind.load(modelsDir), LuceneFaqSearcher.open(modelsDir.resolve(FAQ_INDEX)),
                kind);
    }

    private static ClassifierKind kindOf(ModelManifest manifest, Path modelsDir) {
        String name = manifest.settings().getOrDefault(ClassifierKind.MANIFEST_KEY, ClassifierKind.SHIPPED.option());
        try {
            return ClassifierKind.named(name, true);
        } catch (UsageException e) {
            throw new CorpusException(modelsDir.resolve(ModelManifest.FILE) + ": unknown classifier " + name
                    + "; run `java -jar target/kefu.jar train`");
        }
    }

    /** These models with another intent classifier (cross-validation trains one per fold; eval may swap it). */
    Models withClassifier(IntentClassifier other, ClassifierKind otherKind) {
        return new Models(normalizer, tokenizer, other, faq, otherKind);
    }

    /** A new engine over these models, with its own in-memory conversations. */
    ChatEngine engine(Thresholds thresholds, String hotline) {
        return engine(thresholds, hotline, new InMemoryConversationStore(), ServiceHours.ALWAYS);
    }

    /** A new engine over these models that keeps conversations in {@code store}. */
    ChatEngine engine(Thresholds thresholds, String hotline, ConversationStore store, ServiceHours hours) {
        return new ChatEngine(new ChatEngine.Pipeline(normalizer, tokenizer, classifier, faq),
                new DecisionPolicy(thresholds, faq.entries()), new ReplyRenderer(hotline, hours, Clock.systemUTC()), store);
    }

    /** What the health check reports about the models. */
    Map<String, Object> describe() {
        return Map.of("intents", classifier.labels().size(), "faqEntries", faq.entries().size(),
                "classifier", kind.option());
    }
}
