package dev.kefu.intent.maxent;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.CorpusException;
import dev.kefu.text.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Intent classifier backed by an OpenNLP maxent doccat model. It evaluates the model's
 * {@link MaxentModel} directly with our features: {@code DocumentCategorizerME} is not thread-safe
 * in OpenNLP 2.x, while the immutable model's {@code eval} allocates its own result array.
 * Thread-safe.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {
    private final DoccatModel model;
    private final MaxentModel maxent;
    private final String[] outcomes;
    private final Set<String> labels;
    /** The L-BFGS model's weights in one flat table; null for another kind of model. */
    private final MaxentWeights weights;

    OpenNlpIntentClassifier(DoccatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.maxent = model.getMaxentModel();
        this.outcomes = new String[maxent.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = maxent.getOutcome(i);
        }
        this.labels = Set.copyOf(new TreeSet<>(List.of(outcomes)));
        this.weights = maxent instanceof QNModel qn ? MaxentWeights.of(qn) : null;
    }

    /** Loads a model written by {@link #save}. */
    public static OpenNlpIntentClassifier load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file + ": intent model not found; run `java -jar target/kefu.jar train`");
        }
        try {
            return new OpenNlpIntentClassifier(new DoccatModel(file));
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": not a readable intent model (" + e.getMessage()
                    + "); run `java -jar target/kefu.jar train`", e);
        }
    }

    /** Writes the model to {@code file}; the same model always gives the same bytes. */
    public void save(Path file) throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        model.serialize(archive);
        ReproducibleModelFile.write(archive.toByteArray(), file);
    }

    @Override
    public IntentPrediction classify(Tokens tokens) {
        double[] probabilities = weights != null
                ? weights.probabilities(IntentFeatures.rows(tokens, true, weights.index()))
                : maxent.eval(IntentFeatures.of(tokens));
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = clamp(probabilities[i]);
        }
        return IntentPrediction.rank(outcomes, probabilities);
    }

    /** The probability of each outcome of {@link #outcomes()}, for features of {@link IntentFeatures#of(Tokens)}. */
    public double[] probabilities(String[] features) {
        return weights != null ? weights.probabilities(features) : maxent.eval(features);
    }

    /** The model's weights as a table; null when the model is not an L-BFGS one. */
    public MaxentWeights weights() {
        return weights;
    }

    /** The outcomes in the order of {@link #probabilities}. */
    public List<String> outcomes() {
        return List.of(outcomes);
    }

    @Override
    public Set<String> labels() {
        return labels;
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 0.0 : Math.max(0.0, Math.min(1.0, p));
    }
}
