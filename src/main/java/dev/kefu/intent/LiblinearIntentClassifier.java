package dev.kefu.intent;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Intent classifier backed by a liblinear model (an alternative to the shipped OpenNLP one, chosen
 * with {@code --classifier liblinear}). Confidences are a softmax of the decision values at the
 * settings' temperature. Thread-safe: a liblinear {@link Model} is read-only during prediction.
 */
public final class LiblinearIntentClassifier implements IntentClassifier {
    private final Model model;
    private final String[] outcomes;
    private final TfIdfVectorizer vectorizer;
    private final LiblinearSettings settings;
    private final Set<String> labels;

    LiblinearIntentClassifier(Model model, List<String> labels, TfIdfVectorizer vectorizer,
                              LiblinearSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        int[] order = model.getLabels(); // liblinear's class order, as label indices
        this.outcomes = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            outcomes[i] = labels.get(order[i]);
        }
        this.labels = Set.copyOf(labels);
    }

    @Override
    public IntentPrediction classify(Tokens tokens) {
        double[] values = new double[outcomes.length];
        Linear.predictValues(model, vectorizer.vector(IntentFeatures.of(tokens, settings.wordBigrams())), values);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp((values[i] - max) / settings.temperature());
            sum += values[i];
        }
        List<IntentScore> ranked = new ArrayList<>(outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            ranked.add(new IntentScore(outcomes[i], Math.min(1.0, values[i] / sum)));
        }
        ranked.sort(Comparator.comparingDouble(IntentScore::confidence).reversed().thenComparing(IntentScore::label));
        return new IntentPrediction(ranked);
    }

    @Override
    public Set<String> labels() {
        return labels;
    }
}
