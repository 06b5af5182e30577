package dev.kefu.intent.maxent;

import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.PassThroughFeatureGenerator;
import dev.kefu.intent.TrainingProgress;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains OpenNLP's maxent document categorizer on our features. Deterministic: the same examples
 * in the same order give the same model (single-threaded L-BFGS, no sampling). Thread-safe.
 */
public final class OpenNlpIntentTrainer implements IntentTrainer {
    private final TextNormalizer normalizer;
    private final Tokenizer tokenizer;
    private final TrainingSettings settings;

    public OpenNlpIntentTrainer(TextNormalizer normalizer, Tokenizer tokenizer, TrainingSettings settings) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public OpenNlpIntentClassifier train(List<LabeledText> examples) {
        return train(examples, TrainingProgress.none());
    }

    @Override
    public OpenNlpIntentClassifier train(List<LabeledText> examples, TrainingProgress progress) {
        long labels = examples.stream().map(LabeledText::label).distinct().count();
        if (labels < 2) {
            throw new IllegalArgumentException("training needs at least two intents, found " + labels);
        }
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabeledText example : examples) {
            String[] features = IntentFeatures.of(tokenizer.tokenize(normalizer.normalize(example.text())));
            samples.add(new DocumentSample(example.label(), features));
            progress.step(samples.size(), examples.size() + 1);
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new PassThroughFeatureGenerator()});
        try {
            DoccatModel model = DocumentCategorizerME.train("zho",
                    ObjectStreamUtils.createObjectStream(samples), parameters(), factory);
            progress.step(examples.size() + 1, examples.size() + 1);
            return new OpenNlpIntentClassifier(model);
        } catch (IOException e) {
            throw new UncheckedIOException("training failed: " + e.getMessage(), e);
        }
    }

    private TrainingParameters parameters() {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put(QNTrainer.L1COST_PARAM, settings.l1());
        params.put(QNTrainer.L2COST_PARAM, settings.l2());
        params.put("DataIndexer", "OnePass"); // the two-pass indexer writes a temporary file
        params.put("PrintMessages", false);
        params.put(QNTrainer.M_PARAM, settings.history());
        return params;
    }
}
