package dev.kefu.intent.linear;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.intent.TrainingProgress;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Trains a linear SVM with liblinear on TF-IDF features (see {@link LiblinearSettings}), and, when
 * given a {@link SentenceEncoder}, on the message's sentence vector beside them: both blocks are
 * L2-normalized, so they weigh the same (weight 1 was the best under CV, BENCHMARKS.md).
 * Deterministic: labels and features are numbered in sorted order, and the Crammer–Singer solver
 * gets a fresh {@link Parameter} (it holds a random generator) per training. Thread-safe.
 */
public final class LiblinearIntentTrainer implements IntentTrainer {
    private static final double EPSILON = 0.1;

    private final TextNormalizer normalizer;
    private final Tokenizer tokenizer;
    private final LiblinearSettings settings;
    private final SentenceEncoder encoder;

    /** TF-IDF features alone. */
    public LiblinearIntentTrainer(TextNormalizer normalizer, Tokenizer tokenizer, LiblinearSettings settings) {
        this(normalizer, tokenizer, settings, null);
    }

    /** TF-IDF features and the sentence vectors of {@code encoder} ({@code null}: none). */
    public LiblinearIntentTrainer(TextNormalizer normalizer, Tokenizer tokenizer, LiblinearSettings settings,
                                  SentenceEncoder encoder) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = encoder;
    }

    @Override
    public LiblinearIntentClassifier train(List<LabeledText> examples) {
        return train(examples, TrainingProgress.none());
    }

    @Override
    public LiblinearIntentClassifier train(List<LabeledText> examples, TrainingProgress progress) {
        List<String> labels = new ArrayList<>(examples.size());
        List<Tokens> texts = new ArrayList<>(examples.size());
        for (LabeledText example : examples) {
            labels.add(example.label());
            texts.add(tokenizer.tokenize(normalizer.normalize(example.text())));
            progress.step(texts.size(), examples.size() + 1);
        }
        LiblinearIntentClassifier trained = fit(labels, texts, settings, encoder);
        progress.step(examples.size() + 1, examples.size() + 1);
        return trained;
    }

    /**
     * Trains on texts already normalized and tokenized: {@code labels.get(i)} is the label of
     * {@code tokens.get(i)}. Any labels will do (the answer ranker trains one over FAQ entry ids).
     * {@code encoder} may be null (TF-IDF features alone).
     */
    public static LiblinearIntentClassifier fit(List<String> labels, List<Tokens> tokens, LiblinearSettings settings,
                                                SentenceEncoder encoder) {
        if (labels.size() != tokens.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + tokens.size() + " texts");
        }
        List<String> distinct = List.copyOf(new TreeSet<>(labels));
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("training needs at least two intents, found " + distinct.size());
        }
        List<String[]> documents = new ArrayList<>(tokens.size());
        List<float[]> sentences = new ArrayList<>(tokens.size());
        for (Tokens text : tokens) {
            documents.add(IntentFeatures.of(text, settings.wordBigrams()));
            sentences.add(LiblinearIntentClassifier.sentence(encoder, text));
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(documents);
        int dense = encoder == null ? 0 : encoder.dimension();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            labelIndex.put(distinct.get(i), i);
        }
        Problem problem = new Problem();
        problem.l = tokens.size();
        problem.n = vectorizer.size() + dense + 1;
        problem.bias = 1;
        problem.x = new Feature[tokens.size()][];
        problem.y = new double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            problem.x[i] = nodes(vectorizer.sparse(documents.get(i)), sentences.get(i), vectorizer.size());
            problem.y[i] = labelIndex.get(labels.get(i));
        }
        Linear.disableDebugOutput(); // liblinear prints progress to stdout by default (JVM-global)
        Model model = Linear.train(problem, new Parameter(SolverType.MCSVM_CS, settings.c(), EPSILON));
        return new LiblinearIntentClassifier(model, distinct, vectorizer, settings, encoder);
    }

    /**
     * One training row: the TF-IDF entries, then the sentence vector numbered after the
     * vocabulary, then the bias numbered last (liblinear wants indices ascending).
     */
    private static Feature[] nodes(TfIdfVectorizer.Sparse sparse, float[] sentence, int vocabulary) {
        int terms = sparse.indices().length - 1;
        Feature[] row = new Feature[terms + sentence.length + 1];
        for (int k = 0; k < terms; k++) {
            row[k] = new FeatureNode(sparse.indices()[k], sparse.values()[k]);
        }
        for (int j = 0; j < sentence.length; j++) {
            row[terms + j] = new FeatureNode(vocabulary + 1 + j, sentence[j]);
        }
        row[row.length - 1] = new FeatureNode(vocabulary + sentence.length + 1, sparse.values()[terms]);
        return row;
    }
}
