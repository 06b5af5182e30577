package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.Intents;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.intent.linear.CompactModelFile;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The measured answer ranker. Candidates are the entries of the two likeliest intents, the BM25
 * hits and, on the full path, the entries of the nearest phrasings by sentence vector; each gets
 * the probability of the fitted logistic model ({@link RankerModel}). The cheap model runs first:
 * when its best probability reaches the fast threshold (chosen at train time so that the fast path
 * is as precise as the full one), or stays under the fast floor (below which no held-out line got
 * the right entry from the full model at a probability the policy acts on), the sentence encoder
 * is not run at all. Without an encoder (or vectors) only the cheap model runs. The entry
 * classifiers (liblinear over entry ids, fitted with the model; the second also reads the
 * sentence vector, on the full path) add their own candidates and probabilities. Thread-safe.
 */
public final class LearnedAnswerRanker implements AnswerRanker {
    private final FaqSearcher faq;
    private final CandidateFeatures features;
    private final RankerModel model;
    private final PhrasingVectors vectors;
    private final SentenceEncoder encoder;
    private final IntentClassifier entryClassifier;
    private final LiblinearIntentClassifier denseClassifier;

    /**
     * {@code vectors}, {@code encoder} and {@code denseClassifier} (the entry classifier that reads
     * the sentence vector) may all be null: the cheap model then decides alone.
     */
    public LearnedAnswerRanker(FaqSearcher faq, RankerModel model, IntentClassifier entryClassifier,
                               PhrasingVectors vectors, SentenceEncoder encoder,
                               LiblinearIntentClassifier denseClassifier) {
        this.faq = Objects.requireNonNull(faq, "faq");
        this.model = Objects.requireNonNull(model, "model");
        this.entryClassifier = Objects.requireNonNull(entryClassifier, "entryClassifier");
        this.features = new CandidateFeatures(faq.entries());
        boolean dense = vectors != null && encoder != null && denseClassifier != null && model.hasFull();
        this.vectors = dense ? vectors : null;
        this.encoder = dense ? encoder : null;
        this.denseClassifier = dense ? denseClassifier : null;
        if (dense && denseClassifier.sentenceDimension() != encoder.dimension()) {
            throw new IllegalArgumentException("the entry classifier reads vectors of "
                    + denseClassifier.sentenceDimension() + " dimensions, the encoder gives " + encoder.dimension());
        }
        if (dense && vectors.dimension() != encoder.dimension()) {
            throw new IllegalArgumentException("vectors have " + vectors.dimension() + " dimensions, the encoder "
                    + encoder.dimension());
        }
    }

    /**
     * The ranker saved in {@code dir} by {@code train}: {@value RankerModel#FILE}, the entry classifier
     * in {@value RankerModel#ENTRY_FILE} and, when the model has a full part and {@code encoder} is
     * given, {@value PhrasingVectors#FILE} and the entry classifier with vectors in
     * {@value RankerModel#DENSE_ENTRY_FILE}. {@code encoder} null: the cheap model alone.
     */
    public static LearnedAnswerRanker read(java.nio.file.Path dir, FaqSearcher faq, SentenceEncoder encoder) {
        RankerModel model = RankerModel.read(dir);
        IntentClassifier entryClassifier = CompactModelFile.read(dir.resolve(RankerModel.ENTRY_FILE));
        boolean dense = encoder != null && model.hasFull();
        return new LearnedAnswerRanker(faq, model, entryClassifier,
                dense ? PhrasingVectors.read(dir, faq.entries().size()) : null, dense ? encoder : null,
                dense ? CompactModelFile.read(dir.resolve(RankerModel.DENSE_ENTRY_FILE)) : null);
    }

    @Override
    public Ranking rank(Tokens tokens, IntentPrediction prediction) {
        List<FaqHit> hits = faq.search(tokens, IntentFirstRanker.HITS);
        IntentPrediction entry = entryClassifier.classify(tokens);
        int[] candidates = features.candidates(prediction, entry, hits, null, null);
        double inScope = inScope(prediction);
        List<FaqHit> cheap = scored(candidates, features.rows(candidates, prediction, entry, hits, null, null),
                inScope);
        // decided: sure enough of the entry, or so unsure that no vector would make the policy act on it
        boolean decided = !cheap.isEmpty() && (cheap.get(0).score() >= model.fastThreshold()
                || cheap.get(0).score() < model.fastFloor());
        if (encoder == null || decided || tokens.text().isBlank()) {
            return new Ranking(cheap, hits, "fast");
        }
        float[] vector = encoder.encode(tokens.text());
        PhrasingVectors.Similarity cosines = vectors.similarity(vector, null);
        IntentPrediction dense = denseClassifier.classify(tokens, vector);
        candidates = features.candidates(prediction, entry, hits, cosines, dense);
        return new Ranking(scored(candidates, features.rows(candidates, prediction, entry, hits, cosines, dense),
                inScope), hits, "full");
    }

    /** The classifier's confidence that the message is neither out of scope nor a request for a person. */
    static double inScope(IntentPrediction prediction) {
        double out = 0;
        for (var score : prediction.ranked()) {
            if (score.label().equals(Intents.OOS) || score.label().equals(Intents.HUMAN_AGENT)) {
                out += score.confidence();
            }
        }
        return Math.max(0, 1 - out);
    }

    private List<FaqHit> scored(int[] candidates, double[][] rows, double inScope) {
        double[] probability = model.probabilities(rows, inScope);
        Integer[] order = new Integer[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> probability[a] != probability[b] ? Double.compare(probability[b], probability[a])
                : Integer.compare(candidates[a], candidates[b]));
        List<FaqHit> ranked = new ArrayList<>(candidates.length);
        for (int c : order) {
            ranked.add(new FaqHit(features.entries().get(candidates[c]), probability[c]));
        }
        return ranked;
    }

    @Override
    public List<FaqEntry> entries() {
        return faq.entries();
    }

    @Override
    public String describe() {
        return encoder == null ? "learned" : "learned+" + encoder.name();
    }
}
