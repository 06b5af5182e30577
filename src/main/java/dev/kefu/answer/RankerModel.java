package dev.kefu.answer;

import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fitted weights of the answer ranker, saved as {@value #FILE} in {@code models/}: for the cheap
 * features (without the sentence vector) and the full ones, a softmax model that orders the
 * candidates and a calibration that turns the best candidate's standing into the probability that
 * it is right (fitted on held-out lines, out-of-scope ones included); and the calibrated cheap
 * probabilities at or above which ({@code fastThreshold}) and below which ({@code fastFloor}) the
 * cheap model decides alone (the fast path). {@code encoder}
 * names the sentence encoder the full model was fitted with (empty when there is none). Immutable.
 */
public record RankerModel(double[] cheap, double[] full, double[] cheapCalibration, double[] fullCalibration,
                          double fastThreshold, double fastFloor, String encoder) {
    /** Calibration features of the cheap model: see {@link #calibration}. */
    static final int CAL_CHEAP = 7;
    /** Calibration features of the full model. */
    static final int CAL_FULL = 11;
    static final List<String> CAL_NAMES = List.of("softmax", "softmax_margin", "intent", "in_scope", "bm25_log",
            "top_intent", "entry", "cosine", "knn_share", "cosine_second", "entry_dense");
    /** The file in {@code models/}. */
    public static final String FILE = "answer-ranker.properties";
    /** The file in {@code models/} that holds the ranker's entry classifier (see {@code CompactModelFile}). */
    public static final String ENTRY_FILE = "answer-entries.bin";
    /** The file of the entry classifier that also reads the sentence vector (only with an encoder). */
    public static final String DENSE_ENTRY_FILE = "answer-entries-vectors.bin";

    public RankerModel {
        cheap = cheap.clone();
        full = full == null ? null : full.clone();
        cheapCalibration = cheapCalibration.clone();
        fullCalibration = fullCalibration == null ? null : fullCalibration.clone();
        if (cheap.length != CandidateFeatures.CHEAP + 1 || full != null && full.length != CandidateFeatures.FULL + 1
                || cheapCalibration.length != CAL_CHEAP + 1
                || (full == null) != (fullCalibration == null)
                || fullCalibration != null && fullCalibration.length != CAL_FULL + 1) {
            throw new IllegalArgumentException("weights have the wrong length");
        }
        if (!(fastThreshold >= 0 && fastThreshold <= 1.0001)) {
            throw new IllegalArgumentException("fastThreshold must be in 0..1, was " + fastThreshold);
        }
        if (!(fastFloor >= 0 && fastFloor <= fastThreshold)) {
            throw new IllegalArgumentException("fastFloor must be in 0.." + fastThreshold + ", was " + fastFloor);
        }
        encoder = encoder == null ? "" : encoder;
    }

    /**
     * For each candidate of one message (its {@code rows}), the probability that it is the answer:
     * the best candidate's calibrated probability, and the others' in proportion to their softmax.
     * {@code inScope} is the classifier's confidence that the desk answers the message at all.
     */
    double[] probabilities(double[][] rows, double inScope) {
        double[] p = softmax(rows);
        if (p.length == 0) {
            return p;
        }
        boolean dense = rows[0].length == CandidateFeatures.FULL && full != null;
        int top = LogisticFit.argmax(p);
        double[] features = calibration(p, rows, top, inScope, dense);
        double calibrated = LogisticFit.sigmoid(LogisticFit.dot(dense ? fullCalibration : cheapCalibration, features,
                dense ? CAL_FULL : CAL_CHEAP));
        double scale = calibrated / p[top];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1.0, p[i] * scale);
        }
        return p;
    }

    /** The softmax of the candidates' scores. */
    double[] softmax(double[][] rows) {
        if (rows.length == 0) {
            return new double[0];
        }
        boolean dense = rows[0].length == CandidateFeatures.FULL && full != null;
        return LogisticFit.softmax(dense ? full : cheap, java.util.Arrays.asList(rows), 0, rows.length,
                dense ? CandidateFeatures.FULL : CandidateFeatures.CHEAP);
    }

    /**
     * What the calibration reads of the best candidate {@code top}: its softmax and margin over the
     * runner-up, the classifier's confidence in its intent, the in-scope confidence, its BM25 score,
     * whether its intent is the classifier's first, the entry classifier's probability of it; and
     * with vectors, its cosine, its share of the
     * nearest phrasings, its second-best cosine and the probability of the entry classifier with vectors.
     */
    static double[] calibration(double[] p, double[][] rows, int top, double inScope, boolean dense) {
        double second = 0;
        for (int i = 0; i < p.length; i++) {
            if (i != top) {
                second = Math.max(second, p[i]);
            }
        }
        double[] row = rows[top];
        double[] c = new double[dense ? CAL_FULL : CAL_CHEAP];
        c[0] = p[top];
        c[1] = p[top] - second;
        c[2] = row[CandidateFeatures.INTENT];
        c[3] = inScope;
        c[4] = row[CandidateFeatures.BM25_LOG];
        c[5] = row[CandidateFeatures.TOP_INTENT];
        c[6] = row[CandidateFeatures.ENTRY];
        if (dense) {
            c[7] = row[CandidateFeatures.COSINE];
            c[8] = row[CandidateFeatures.KNN_SHARE];
            c[9] = row[CandidateFeatures.COSINE_SECOND];
            c[10] = row[CandidateFeatures.ENTRY_DENSE];
        }
        return c;
    }

    /** True when this model has a full (sentence-vector) part. */
    boolean hasFull() {
        return full != null;
    }

    /** Writes {@value #FILE} into {@code dir}; the same model always gives the same bytes. */
    public void write(Path dir) {
        StringBuilder out = new StringBuilder("# kefu answer ranker: logistic weights per feature, written by train\n");
        for (Map.Entry<String, String> line : lines().entrySet()) {
            out.append(line.getKey()).append('=').append(line.getValue()).append('\n');
        }
        try {
            Files.writeString(dir.resolve(FILE), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    private Map<String, String> lines() {
        Map<String, String> lines = new TreeMap<>();
        lines.put("encoder", encoder);
        lines.put("fast.threshold", number(fastThreshold));
        lines.put("fast.floor", number(fastFloor));
        List<String> names = CandidateFeatures.NAMES;
        for (int i = 0; i < CandidateFeatures.CHEAP; i++) {
            lines.put("cheap." + names.get(i), number(cheap[i]));
        }
        lines.put("cheap.bias", number(cheap[CandidateFeatures.CHEAP]));
        for (int i = 0; i < CAL_CHEAP; i++) {
            lines.put("cheap.calibration." + CAL_NAMES.get(i), number(cheapCalibration[i]));
        }
        lines.put("cheap.calibration.bias", number(cheapCalibration[CAL_CHEAP]));
        if (full != null) {
            for (int i = 0; i < CandidateFeatures.FULL; i++) {
                lines.put("full." + names.get(i), number(full[i]));
            }
            lines.put("full.bias", number(full[CandidateFeatures.FULL]));
            for (int i = 0; i < CAL_FULL; i++) {
                lines.put("full.calibration." + CAL_NAMES.get(i), number(fullCalibration[i]));
            }
            lines.put("full.calibration.bias", number(fullCalibration[CAL_FULL]));
        }
        return lines;
    }

    /** Reads {@value #FILE} from {@code dir}. */
    public static RankerModel read(Path dir) {
        Path file = dir.resolve(FILE);
        Map<String, String> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            double[] cheap = weights(values, "cheap.", CandidateFeatures.NAMES, CandidateFeatures.CHEAP);
            double[] cheapCal = weights(values, "cheap.calibration.", CAL_NAMES, CAL_CHEAP);
            boolean dense = values.containsKey("full.bias");
            double[] full = dense ? weights(values, "full.", CandidateFeatures.NAMES, CandidateFeatures.FULL) : null;
            double[] fullCal = dense ? weights(values, "full.calibration.", CAL_NAMES, CAL_FULL) : null;
            return new RankerModel(cheap, full, cheapCal, fullCal, Double.parseDouble(required(values, "fast.threshold")),
                    Double.parseDouble(required(values, "fast.floor")), values.getOrDefault("encoder", ""));
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": not a readable answer ranker (" + e.getMessage()
                    + "); run `java -jar target/kefu.jar train`", e);
        }
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static double[] weights(Map<String, String> values, String prefix, List<String> names, int features) {
        double[] w = new double[features + 1];
        for (int i = 0; i < features; i++) {
            String key = prefix + names.get(i);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("missing " + key);
            }
            w[i] = Double.parseDouble(value);
        }
        String bias = values.get(prefix + "bias");
        if (bias == null) {
            throw new IllegalArgumentException("missing " + prefix + "bias");
        }
        w[features] = Double.parseDouble(bias);
        return w;
    }

    /** The shortest decimal that reads back as the same double (so a model survives its file bit for bit). */
    private static String number(double value) {
        return Double.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankerModel m && Arrays.equals(cheap, m.cheap) && Arrays.equals(full, m.full)
                && Arrays.equals(cheapCalibration, m.cheapCalibration)
                && Arrays.equals(fullCalibration, m.fullCalibration)
                && fastThreshold == m.fastThreshold && fastFloor == m.fastFloor && encoder.equals(m.encoder);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cheap) * 31 + Arrays.hashCode(full);
    }

    @Override
    public String toString() {
        return "RankerModel" + lines();
    }
}
