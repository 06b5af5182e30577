package dev.kefu.intent.linear;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Trains a linear SVM with liblinear on TF-IDF features (see {@link LiblinearSettings}).
 * Deterministic: labels and features are numbered in sorted order, and the Crammer–Singer solver
 * gets a fresh {@link Parameter} (it holds a random generator) per training. Thread-safe.
 */
public final class LiblinearIntentTrainer implements IntentTrainer {
    private static final double EPSILON = 0.1;

    private final TextNormalizer normalizer;
    private final Tokenizer tokenizer;
    private final LiblinearSettings settings;

    public LiblinearIntentTrainer(TextNormalizer normalizer, Tokenizer tokenizer, LiblinearSettings settings) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public LiblinearIntentClassifier train(List<LabeledText> examples) {
        List<String> labels = List.copyOf(new TreeSet<>(examples.stream().map(LabeledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two intents, found " + labels.size());
        }
        List<String[]> documents = new ArrayList<>(examples.size());
        for (LabeledText example : examples) {
            documents.add(IntentFeatures.of(tokenizer.tokenize(normalizer.normalize(example.text())),
                    settings.wordBigrams()));
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(documents);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = vectorizer.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = vectorizer.vector(documents.get(i));
            problem.y[i] = labelIndex.get(examples.get(i).label());
        }
        Linear.disableDebugOutput(); // liblinear prints progress to stdout by default (JVM-global)
        Model model = Linear.train(problem, new Parameter(SolverType.MCSVM_CS, settings.c(), EPSILON));
        return new LiblinearIntentClassifier(model, labels, vectorizer, settings);
    }
}
