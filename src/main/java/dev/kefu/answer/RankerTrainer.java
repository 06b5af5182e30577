package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.Tokens;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.linear.LiblinearIntentTrainer;
import dev.kefu.intent.linear.LiblinearSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Fits the answer ranker (train time only) on the FAQ's own paraphrases, each held out once: the
 * paraphrases are split into {@value #FOLDS} folds (round-robin within each entry; canonical
 * questions always stay), and each fold is ranked against an index and vectors built without it,
 * exactly as a new message would be. Every candidate becomes a row labelled by whether it is the
 * paraphrase's entry. The classifier never saw the paraphrases (it is trained on
 * {@code intents.tsv}), so its confidence is as honest as on a user's message. Thread-safe.
 */
public final class RankerTrainer {
    public static final int FOLDS = 5;
    /** L2 penalty of the logistic fits; 0.3–3 changed answer accuracy under CV by under 0.3 points. */
    static final double LAMBDA = 1.0;
    /**
     * Fast-path precision the cheap model must keep, at most this far below the full model's on the
     * same lines. With none, one line in 963 moved the threshold from 0.91 to 0.95 and sent 2x the
     * messages through the encoder; 0.002 (two lines in a thousand) scored the same as none under
     * answer-level CV (0.820 / 0.925), 0.005 lost half a point of answer precision (BENCHMARKS.md).
     */
    static final double FAST_SLACK = 0.002;
    /**
     * The entry classifier's settings: liblinear's intent settings (cost 1, character 1–3-grams),
     * over entry ids instead of intents.
     */
    static final LiblinearSettings ENTRY_SETTINGS = new LiblinearSettings(1.0, false, 0.13);

    private final Function<String, Tokens> analyzer;
    private final Function<Tokens, IntentPrediction> classifier;
    private final BiFunction<List<FaqEntry>, Map<String, List<String>>, FaqSearcher> indexer;
    private final double actsFrom;

    /**
     * @param analyzer   normalizes and tokenizes a text, as the engine does
     * @param classifier the intent classifier the ranker will serve with
     * @param indexer    builds a BM25 searcher over a list of entries and examples (in memory)
     * @param actsFrom   the lowest entry probability the serving policy acts on (its clarify
     *                   floor): below it no entry is answered or offered as a choice
     */
    public RankerTrainer(Function<String, Tokens> analyzer, Function<Tokens, IntentPrediction> classifier,
                         BiFunction<List<FaqEntry>, Map<String, List<String>>, FaqSearcher> indexer,
                         double actsFrom) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        if (!(actsFrom >= 0 && actsFrom <= 1)) {
            throw new IllegalArgumentException("actsFrom must be a probability, was " + actsFrom);
        }
        this.actsFrom = actsFrom;
    }

    /** A sentence encoder as the trainer uses it: the vectors of texts, their length and the model's name. */
    public record Encoder(Function<String, float[]> encode, int dimension, String name) {
        public Encoder {
            Objects.requireNonNull(encode, "encode");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A fitted ranker (null for a ranker without weights) with its entry classifier (null exactly
     * when the model is), the vectors of every phrasing (null without an encoder) and, for a
     * model with a full part, the entry classifier that also reads the sentence vector; to be
     * saved together.
     */
    public record Result(RankerModel model, LiblinearIntentClassifier entries, PhrasingVectors vectors,
                         LiblinearIntentClassifier denseEntries) {
        public Result {
            if (model == null && vectors == null) {
                throw new IllegalArgumentException("a result holds a model, vectors or both");
            }
            if ((model == null) != (entries == null)) {
                throw new IllegalArgumentException("a fitted ranker comes with its entry classifier");
            }
            if ((model != null && model.hasFull()) != (denseEntries != null)) {
                throw new IllegalArgumentException("a full model comes with its entry classifier with vectors");
            }
        }
    }

    /**
     * A labelled user message: the entry it names first (null for a message no entry answers, such as
     * an out-of-scope one: a training line of the calibration only), its text, its fold and, when it
     * is also a training line of the ranker, the intents a classifier that never saw it gave it
     * (null: searched as a phrasing only).
     */
    public record Example(String entryId, String text, int fold, IntentPrediction prediction) {
        public Example {
            Objects.requireNonNull(text, "text");
            if (entryId == null && prediction == null) {
                throw new IllegalArgumentException("an example without an entry is a training line: it needs a prediction");
            }
        }
    }

    /**
     * The fitted model; {@code encoder} null fits the cheap model only. {@code examples} are searched
     * as further phrasings of their entries; held out with their fold, those with a prediction are
     * ranked like the FAQ's paraphrases, whose intent the classifier was never trained on.
     */
    public Result train(List<FaqEntry> entries, List<Example> examples, Encoder encoder) {
        CandidateFeatures features = new CandidateFeatures(entries);
        Map<String, Integer> ordOf = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            ordOf.put(entries.get(e).id(), e);
        }
        List<Line> lines = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            List<String> phrasings = entries.get(e).phrasings();
            for (int p = 0; p < phrasings.size(); p++) {
                // the canonical question always stays; paraphrases go round-robin into the folds
                lines.add(new Line(e, analyzer.apply(phrasings.get(p)), p == 0 ? -1 : (p - 1) % FOLDS, null, lines.size()));
            }
        }
        List<Example> ordered = examplesInRowOrder(entries, examples.stream().filter(e -> e.entryId() != null).toList());
        for (Example example : ordered) {
            Integer ord = ordOf.get(example.entryId());
            if (ord == null) {
                throw new IllegalArgumentException("example names an unknown FAQ entry " + example.entryId());
            }
            lines.add(new Line(ord, analyzer.apply(example.text()), Math.floorMod(example.fold(), FOLDS),
                    example.prediction() == null ? NOT_A_QUERY : example.prediction(), lines.size()));
        }
        for (Example example : examples) {
            if (example.entryId() == null) { // answered by no entry: a query, never a row
                lines.add(new Line(-1, analyzer.apply(example.text()), Math.floorMod(example.fold(), FOLDS),
                        example.prediction(), -1));
            }
        }
        PhrasingVectors vectors = encoder == null ? null : PhrasingVectors.encode(entries, byEntry(ordered),
                text -> encoder.encode().apply(analyzer.apply(text).text()), encoder.dimension());
        Rows cheap = new Rows();
        Rows full = new Rows();
        for (int f = 0; f < FOLDS; f++) {
            FaqSearcher searcher = indexer.apply(without(entries, f), byEntry(withoutFold(ordered, f)));
            LiblinearIntentClassifier entryClassifier = entryClassifier(entries, lines, f, null);
            LiblinearIntentClassifier denseClassifier = vectors == null ? null
                    : entryClassifier(entries, lines, f, sentences(encoder));
            boolean[] hidden = new boolean[lines.size()];
            for (Line line : lines) {
                if (line.row() >= 0) {
                    hidden[line.row()] = line.fold() == f;
                }
            }
            for (Line line : lines) {
                if (line.fold() != f || line.prediction() == NOT_A_QUERY) {
                    continue;
                }
                IntentPrediction prediction = line.prediction() != null ? line.prediction()
                        : classifier.apply(line.tokens());
                IntentPrediction entry = entryClassifier.classify(line.tokens());
                List<FaqHit> hits = searcher.search(line.tokens(), IntentFirstRanker.HITS);
                double inScope = LearnedAnswerRanker.inScope(prediction);
                cheap.add(features, prediction, entry, hits, null, null, line.entry(), inScope);
                if (vectors != null) {
                    float[] vector = line.row() >= 0 ? vectors.row(line.row())
                            : encoder.encode().apply(line.tokens().text());
                    full.add(features, prediction, entry, hits, vectors.similarity(vector, hidden),
                            denseClassifier.classify(line.tokens(), vector), line.entry(), inScope);
                }
            }
        }
        double[] cheapWeights = LogisticFit.fitSoftmax(cheap.rows, cheap.queries, CandidateFeatures.CHEAP, LAMBDA);
        double[] cheapCalibration = calibrate(cheapWeights, cheap, false);
        LiblinearIntentClassifier entryClassifier = entryClassifier(entries, lines, -2, null);
        if (vectors == null) {
            return new Result(new RankerModel(cheapWeights, null, cheapCalibration, null, 0.0, 0.0, ""), entryClassifier,
                    null, null);
        }
        double[] fullWeights = LogisticFit.fitSoftmax(full.rows, full.queries, CandidateFeatures.FULL, LAMBDA);
        double[] fullCalibration = calibrate(fullWeights, full, true);
        RankerModel unthresholded = new RankerModel(cheapWeights, fullWeights, cheapCalibration, fullCalibration, 1.0,
                0.0, encoder.name());
        return new Result(new RankerModel(cheapWeights, fullWeights, cheapCalibration, fullCalibration,
                fastThreshold(unthresholded, cheap, full), fastFloor(unthresholded, cheap, full), encoder.name()),
                entryClassifier, vectors, entryClassifier(entries, lines, -2, sentences(encoder)));
    }

    /** {@code encoder} as the liblinear trainer reads it (the vectors come from its cache). */
    private static SentenceEncoder sentences(Encoder encoder) {
        return new SentenceEncoder() {
            @Override
            public int dimension() {
                return encoder.dimension();
            }

            @Override
            public float[] encode(String text) {
                return encoder.encode().apply(text);
            }

            @Override
            public String name() {
                return encoder.name();
            }
        };
    }

    /**
     * The entry classifier trained on every phrasing and example not in fold {@code fold} (a fold
     * that does not exist, such as -2: on all of them), labelled by entry id, over the n-grams and,
     * with {@code sentences}, the sentence vector. A corpus with a single entry has nothing to tell
     * apart: its classifier is trained against an empty label.
     */
    private static LiblinearIntentClassifier entryClassifier(List<FaqEntry> entries, List<Line> lines, int fold,
                                                             SentenceEncoder sentences) {
        List<String> labels = new ArrayList<>();
        List<Tokens> texts = new ArrayList<>();
        for (Line line : lines) {
            if (line.entry() >= 0 && (line.fold() < 0 || line.fold() != fold)) {
                labels.add(entries.get(line.entry()).id());
                texts.add(line.tokens());
            }
        }
        if (new java.util.HashSet<>(labels).size() < 2) {
            labels.add("");
            texts.add(new Tokens("", List.of()));
        }
        return LiblinearIntentTrainer.fit(labels, texts, ENTRY_SETTINGS, sentences);
    }

    /**
     * Calibration weights: for every held-out line (out-of-scope ones included), whether the best
     * candidate under {@code weights} is the right entry, from what {@link RankerModel#calibration}
     * reads of it.
     */
    private static double[] calibrate(double[] weights, Rows lines, boolean dense) {
        int features = dense ? RankerModel.CAL_FULL : RankerModel.CAL_CHEAP;
        int width = dense ? CandidateFeatures.FULL : CandidateFeatures.CHEAP;
        List<double[]> rows = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int q = 0; q < lines.queries.size(); q++) {
            int[] query = lines.queries.get(q);
            if (query[1] == query[0]) {
                continue;
            }
            double[][] candidates = lines.rows.subList(query[0], query[1]).toArray(new double[0][]);
            double[] p = LogisticFit.softmax(weights, lines.rows, query[0], query[1], width);
            int top = LogisticFit.argmax(p);
            rows.add(RankerModel.calibration(p, candidates, top, lines.inScope.get(q), dense));
            right.add(query[0] + top == query[2]);
        }
        return LogisticFit.fitBinary(rows, right, features, LAMBDA);
    }

    /** Marks an example that is searched but never ranked as a training line. */
    private static final IntentPrediction NOT_A_QUERY = new IntentPrediction(List.of(new IntentScore("-", 0)));

    /** One phrasing or example: its entry, tokens, fold (-1: never held out), prediction, vector row. */
    private record Line(int entry, Tokens tokens, int fold, IntentPrediction prediction, int row) {
    }

    /** {@code examples} entry by entry in corpus order (the order {@link PhrasingVectors} stores their rows in). */
    private static List<Example> examplesInRowOrder(List<FaqEntry> entries, List<Example> examples) {
        List<Example> ordered = new ArrayList<>();
        for (FaqEntry entry : entries) {
            for (Example example : examples) {
                if (example.entryId().equals(entry.id())) {
                    ordered.add(example);
                }
            }
        }
        if (ordered.size() != examples.size()) {
            throw new IllegalArgumentException("an example names an FAQ entry that is not in the corpus");
        }
        return ordered;
    }

    /** The texts of {@code examples} by entry id. */
    public static Map<String, List<String>> byEntry(List<Example> examples) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (Example example : examples) {
            texts.computeIfAbsent(example.entryId(), k -> new ArrayList<>()).add(example.text());
        }
        return texts;
    }

    private static List<Example> withoutFold(List<Example> examples, int fold) {
        return examples.stream().filter(e -> Math.floorMod(e.fold(), FOLDS) != fold).toList();
    }

    /**
     * The lowest cheap probability from which the cheap model's first entry is right at least as often
     * as the full model's, on the held-out lines the cheap model would decide: above it, computing the
     * sentence vector would not change what the user gets.
     */
    private static double fastThreshold(RankerModel model, Rows cheap, Rows full) {
        List<double[]> lines = new ArrayList<>();
        for (int q = 0; q < cheap.queries.size(); q++) {
            double[] c = cheap.top(model, q);
            double[] f = full.top(model, q);
            lines.add(new double[] {c[0], c[1], f[1]});
        }
        for (int step = 50; step <= 99; step++) {
            double t = step / 100.0;
            int n = 0;
            int cheapRight = 0;
            int fullRight = 0;
            for (double[] line : lines) {
                if (line[0] >= t) {
                    n++;
                    cheapRight += (int) line[1];
                    fullRight += (int) line[2];
                }
            }
            if (n == 0 || cheapRight >= fullRight - FAST_SLACK * n) {
                return t;
            }
        }
        return 1.0;
    }

    /**
     * The highest cheap probability (in steps of 0.01, at most {@code actsFrom}) below which no
     * held-out line gets the right entry from the full model at a probability the policy would act
     * on: there the sentence vector would not give the user a right answer or choice that the cheap
     * model's fallback withholds, so the cheap model decides alone as well. Out-of-scope messages
     * are most of these.
     */
    private double fastFloor(RankerModel model, Rows cheap, Rows full) {
        double floor = 0;
        for (int step = 1; step <= Math.round(actsFrom * 100); step++) {
            double low = step / 100.0;
            for (int q = 0; q < cheap.queries.size(); q++) {
                double[] f = full.top(model, q);
                if (cheap.top(model, q)[0] < low && f[0] >= actsFrom && f[1] == 1) {
                    return floor;
                }
            }
            floor = low;
        }
        return floor;
    }

    /** {@code entries} without the paraphrases of fold {@code fold}. */
    private static List<FaqEntry> without(List<FaqEntry> entries, int fold) {
        List<FaqEntry> kept = new ArrayList<>();
        for (FaqEntry entry : entries) {
            List<String> paraphrases = new ArrayList<>();
            for (int p = 0; p < entry.paraphrases().size(); p++) {
                if (p % FOLDS != fold) {
                    paraphrases.add(entry.paraphrases().get(p));
                }
            }
            kept.add(new FaqEntry(entry.id(), entry.intent(), entry.question(), paraphrases, entry.answer()));
        }
        return kept;
    }

    /** Training rows of one model, and per held-out line the range of its rows and its right entry. */
    private static final class Rows {
        final List<double[]> rows = new ArrayList<>();
        final List<int[]> queries = new ArrayList<>(); // first row, end row, right candidate row (-1: none)
        final List<Double> inScope = new ArrayList<>();

        /** Adds one held-out line's candidates, labelled by whether each is entry {@code gold}. */
        void add(CandidateFeatures features, IntentPrediction prediction, IntentPrediction entry, List<FaqHit> hits,
                 PhrasingVectors.Similarity cosines, IntentPrediction denseEntry, int gold, double inScopeConfidence) {
            inScope.add(inScopeConfidence);
            int[] candidates = features.candidates(prediction, entry, hits, cosines, denseEntry);
            double[][] described = features.rows(candidates, prediction, entry, hits, cosines, denseEntry);
            int first = rows.size();
            int right = -1;
            for (int c = 0; c < candidates.length; c++) {
                rows.add(described[c]);
                if (candidates[c] == gold) {
                    right = rows.size() - 1;
                }
            }
            queries.add(new int[] {first, rows.size(), right});
        }

        /** The best probability of line {@code q} under {@code model} and whether that candidate is right (1/0). */
        double[] top(RankerModel model, int q) {
            int[] query = queries.get(q);
            double[] p = model.probabilities(rows.subList(query[0], query[1]).toArray(new double[0][]), inScope.get(q));
            int top = LogisticFit.argmax(p);
            return top < 0 ? new double[] {0, 0}
                    : new double[] {Math.max(p[top], 0), query[0] + top == query[2] ? 1 : 0};
        }
    }
}
