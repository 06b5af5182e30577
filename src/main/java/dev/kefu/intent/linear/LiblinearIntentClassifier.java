package dev.kefu.intent.linear;

import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.SolverType;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.text.Tokens;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Intent classifier backed by a liblinear model (an alternative to the default OpenNLP one, chosen
 * with {@code --classifier liblinear}, or {@code liblinear-bge} when a sentence encoder adds its
 * vector to the n-grams). Confidences are a softmax of the decision values at the settings'
 * temperature. Thread-safe: a liblinear {@link Model} is read-only during prediction, and
 * encoders are thread-safe.
 */
public final class LiblinearIntentClassifier implements IntentClassifier {
    /** What a saved classifier records as its sentence encoder when it has none. */
    static final String NO_ENCODER = "none";
    private static final float[] NO_SENTENCE = new float[0];

    private final Model model;
    private final String[] outcomes;
    private final TfIdfVectorizer vectorizer;
    private final LiblinearSettings settings;
    private final Set<String> labels;
    private final List<String> labelOrder;
    /**
     * The weights that are not zero, feature row by feature row (compressed sparse rows): row
     * {@code r} holds {@code weights[rowStart[r]..rowStart[r + 1])} for the outcomes {@code outcomeOf}
     * of the same range. 32-bit and sparse because the answer ranker holds two classifiers of 88
     * outcomes by 16,000 features in a 256 MB heap, with a studio training beside them: 70 % of the
     * n-gram weights are zero (a Crammer–Singer model gives each n-gram weight only for the classes
     * it was seen with).
     */
    private final int[] rowStart;
    private final char[] outcomeOf;
    private final float[] weights;
    /** Weights below this magnitude are dropped (the solver leaves many at 1e-19). */
    static final double ZERO = 1e-9;
    private final SentenceEncoder encoder;
    /** Length of the sentence vector the weights expect (0: none), and the encoder's name. */
    private final int dimension;
    private final String encoderName;

    /**
     * A classifier read back from its weights alone ({@link CompactModelFile}): {@code outcomes} in
     * the order of the weights, {@code weights} laid out feature-major as liblinear's. It has no
     * liblinear {@link Model}, so {@link LiblinearModelFiles#save} cannot write it, and no encoder:
     * with sentence vectors ({@code dimension} > 0, from the encoder {@code encoderName}) it
     * classifies only with the vector given ({@link #classify(Tokens, float[])}).
     */
    /** From compressed sparse rows ({@code rowStart}, {@code outcomeOf}, {@code weights}: see the fields). */
    LiblinearIntentClassifier(List<String> outcomes, int[] rowStart, char[] outcomeOf, float[] weights,
                              List<String> labels, TfIdfVectorizer vectorizer, LiblinearSettings settings, int dimension,
                              String encoderName) {
        this(outcomes, new Sparse(rowStart, outcomeOf, weights), labels, vectorizer, settings, dimension, encoderName);
    }

    private LiblinearIntentClassifier(List<String> outcomes, Sparse sparse, List<String> labels,
                                      TfIdfVectorizer vectorizer, LiblinearSettings settings, int dimension,
                                      String encoderName) {
        this.model = null;
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = null;
        this.dimension = dimension;
        this.encoderName = dimension == 0 ? NO_ENCODER : Objects.requireNonNull(encoderName, "encoderName");
        this.outcomes = outcomes.toArray(new String[0]);
        this.labels = Set.copyOf(labels);
        this.labelOrder = List.copyOf(labels);
        if (dimension < 0 || sparse.rowStart().length != vectorizer.size() + dimension + 2
                || sparse.outcomeOf().length != sparse.weights().length
                || sparse.rowStart()[sparse.rowStart().length - 1] != sparse.weights().length) {
            throw new IllegalArgumentException(sparse.rowStart().length - 1 + " weight rows for "
                    + (vectorizer.size() + dimension + 1) + " features");
        }
        for (char o : sparse.outcomeOf()) {
            if (o >= this.outcomes.length) {
                throw new IllegalArgumentException("outcome " + (int) o + " of " + this.outcomes.length);
            }
        }
        this.rowStart = sparse.rowStart;
        this.outcomeOf = sparse.outcomeOf;
        this.weights = sparse.weights;
    }

    LiblinearIntentClassifier(Model model, List<String> labels, TfIdfVectorizer vectorizer,
                              LiblinearSettings settings, SentenceEncoder encoder) {
        this.model = Objects.requireNonNull(model, "model");
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = encoder;
        this.dimension = encoder == null ? 0 : encoder.dimension();
        this.encoderName = encoder == null ? NO_ENCODER : encoder.name();
        int[] order = model.getLabels(); // liblinear's class order, as label indices
        this.outcomes = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            outcomes[i] = labels.get(order[i]);
        }
        this.labels = Set.copyOf(labels);
        this.labelOrder = List.copyOf(labels);
        double[] dense = model.getFeatureWeights();
        int features = vectorizer.size() + (encoder == null ? 0 : encoder.dimension()) + 1;
        if (model.getSolverType() != SolverType.MCSVM_CS || dense.length != features * outcomes.length) {
            throw new IllegalArgumentException("expected a Crammer-Singer model with one weight per feature and class");
        }
        Sparse sparse = sparse(dense, outcomes.length);
        this.rowStart = sparse.rowStart;
        this.outcomeOf = sparse.outcomeOf;
        this.weights = sparse.weights;
    }

    private record Sparse(int[] rowStart, char[] outcomeOf, float[] weights) {
    }

    /** Feature-major dense weights ({@code width} per row) as compressed sparse rows of 32-bit floats. */
    private static Sparse sparse(double[] dense, int width) {
        if (width > Character.MAX_VALUE) {
            throw new IllegalArgumentException(width + " outcomes");
        }
        int rows = dense.length / width;
        int kept = 0;
        for (double w : dense) {
            kept += Math.abs(w) >= ZERO ? 1 : 0;
        }
        int[] start = new int[rows + 1];
        char[] outcome = new char[kept];
        float[] weights = new float[kept];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = k;
            for (int o = 0; o < width; o++) {
                double w = dense[r * width + o];
                if (Math.abs(w) >= ZERO) {
                    outcome[k] = (char) o;
                    weights[k++] = (float) w;
                }
            }
        }
        start[rows] = k;
        return new Sparse(start, outcome, weights);
    }

    @Override
    public IntentPrediction classify(Tokens tokens) {
        if (encoder == null && dimension > 0) {
            throw new IllegalStateException("this classifier reads a sentence vector of " + dimension
                    + " dimensions: call classify(tokens, vector)");
        }
        return classify(tokens, sentence(encoder, tokens));
    }

    /**
     * The prediction for {@code tokens} with their sentence vector already computed ({@code sentence},
     * empty for a classifier without sentence vectors): the answer ranker encodes a message once.
     */
    public IntentPrediction classify(Tokens tokens, float[] sentence) {
        if (sentence.length != dimension) {
            throw new IllegalArgumentException("expected a sentence vector of " + dimension + " dimensions, got "
                    + sentence.length);
        }
        int[] ids = IntentFeatures.rows(tokens, settings.wordBigrams(), vectorizer.numbers());
        double[] values = softmax(decisionValues(vectorizer.sparse(ids, ids.length), sentence));
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(1.0, values[i]);
        }
        return IntentPrediction.rank(outcomes, values);
    }

    /**
     * The softmax confidence of each outcome of {@link #outcomes()}. Features the model was not
     * trained on (such as word bigrams when the settings leave them out) are ignored. Only for a
     * classifier without a sentence encoder, which would need the text.
     */
    public double[] probabilities(String[] features) {
        if (dimension > 0) {
            throw new IllegalStateException("a classifier with sentence vectors needs the tokens, not only the features");
        }
        return softmax(decisionValues(vectorizer.sparse(features), NO_SENTENCE));
    }

    /** The sentence vector of {@code tokens}, or none without an encoder. */
    static float[] sentence(SentenceEncoder encoder, Tokens tokens) {
        return encoder == null ? NO_SENTENCE : encoder.encode(tokens.text());
    }

    private double[] softmax(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp((values[i] - max) / settings.temperature());
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
        return values;
    }

    /**
     * What {@code Linear.predictValues} computes (weights laid out feature-major, one per class:
     * the TF-IDF features, the sentence vector, the bias last), read straight from the arrays: it
     * halves the time of a prediction, which matters to the ensemble (BENCHMARKS.md).
     */
    private double[] decisionValues(TfIdfVectorizer.Sparse x, float[] sentence) {
        double[] values = new double[outcomes.length];
        int[] indices = x.indices();
        double[] xs = x.values();
        int bias = indices.length - 1;
        for (int k = 0; k < bias; k++) {
            add(values, indices[k] - 1, xs[k]);
        }
        for (int j = 0; j < sentence.length; j++) {
            add(values, vectorizer.size() + j, sentence[j]);
        }
        add(values, vectorizer.size() + sentence.length, xs[bias]);
        return values;
    }

    private void add(double[] values, int row, double x) {
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            values[outcomeOf[k]] += weights[k] * x;
        }
    }

    /**
     * The weight of the feature numbered {@code index} (the bias is {@code vectorizer().size() + 1}
     * without a sentence encoder) for an outcome.
     */
    public double weight(int index, int outcome) {
        for (int k = rowStart[index - 1]; k < rowStart[index]; k++) {
            if (outcomeOf[k] == outcome) {
                return weights[k];
            }
        }
        return 0;
    }

    /** The liblinear model; only a classifier read by {@link CompactModelFile} has none. */
    Model model() {
        if (model == null) {
            throw new IllegalStateException("a classifier read from its compact file has no liblinear model to save");
        }
        return model;
    }

    /** Where each feature row's weights begin in {@link #sparseWeights()}, one row after the last (the bias last). */
    int[] rowStart() {
        return rowStart;
    }

    /** The outcome of each weight of {@link #sparseWeights()}. */
    char[] outcomeOf() {
        return outcomeOf;
    }

    /** The weights that are not zero, row by row, in outcome order within a row. */
    float[] sparseWeights() {
        return weights;
    }

    LiblinearSettings settings() {
        return settings;
    }

    /** The labels in the order of the model's label numbers (sorted). */
    List<String> labelsInOrder() {
        return labelOrder;
    }

    /** The name of the sentence encoder whose vector the classifier adds to its n-grams, or {@code none}. */
    public String encoderName() {
        return encoderName;
    }

    /** Length of the sentence vector this classifier reads (0: none). */
    public int sentenceDimension() {
        return dimension;
    }

    public TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    public double temperature() {
        return settings.temperature();
    }

    /** The outcomes in the order of {@link #probabilities}. */
    public List<String> outcomes() {
        return List.of(outcomes);
    }

    @Override
    public Set<String> labels() {
        return labels;
    }
}
