package dev.kefu.intent.ensemble;

import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.TrainingProgress;
import dev.kefu.intent.linear.LiblinearIntentTrainer;
import dev.kefu.intent.maxent.OpenNlpIntentTrainer;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import java.util.List;
import java.util.Objects;

/** Trains the two members of an {@link EnsembleIntentClassifier} on the same examples. Thread-safe, deterministic. */
public final class EnsembleIntentTrainer implements IntentTrainer {
    private final OpenNlpIntentTrainer maxent;
    private final LiblinearIntentTrainer liblinear;
    private final EnsembleSettings settings;

    public EnsembleIntentTrainer(TextNormalizer normalizer, Tokenizer tokenizer, EnsembleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxent = new OpenNlpIntentTrainer(normalizer, tokenizer, settings.maxent());
        this.liblinear = new LiblinearIntentTrainer(normalizer, tokenizer, settings.liblinear());
    }

    @Override
    public EnsembleIntentClassifier train(List<LabeledText> examples) {
        return train(examples, TrainingProgress.none());
    }

    /** Reports the two trainings as one run: the maxent steps, then liblinear's after them. */
    @Override
    public EnsembleIntentClassifier train(List<LabeledText> examples, TrainingProgress progress) {
        return new EnsembleIntentClassifier(maxent.train(examples, (done, total) -> progress.step(done, 2 * total)),
                liblinear.train(examples, (done, total) -> progress.step(total + done, 2 * total)),
                settings.maxentWeight());
    }
}
