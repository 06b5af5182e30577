package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.text.CorpusException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sentence vector of every phrasing of every FAQ entry (question and paraphrases, then the
 * labelled user messages that name the entry), computed at
 * train time and stored in {@code models/} ({@value #FILE}), so that serving encodes only the
 * message. Rows are in corpus order; each remembers its entry's position. Immutable and thread-safe.
 */
public final class PhrasingVectors {
    /** The file in {@code models/}. */
    public static final String FILE = "faq-vectors.bin";
    private static final int MAGIC = 0x6b656675; // "kefu"
    private static final int VERSION = 1;

    private final int dimension;
    private final int entries;
    private final int[] entryOf;
    private final float[] rows;

    private PhrasingVectors(int dimension, int entries, int[] entryOf, float[] rows) {
        this.dimension = dimension;
        this.entries = entries;
        this.entryOf = entryOf;
        this.rows = rows;
    }

    /**
     * Encodes every phrasing of {@code faq} (in corpus order), then every example (labelled user
     * messages by entry id, entry by entry), with {@code encoder} (a function of the text).
     */
    public static PhrasingVectors encode(List<FaqEntry> faq, Map<String, List<String>> examples,
                                         Function<String, float[]> encoder, int dimension) {
        List<Integer> owners = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int e = 0; e < faq.size(); e++) {
            for (String phrasing : faq.get(e).phrasings()) {
                owners.add(e);
                vectors.add(encoder.apply(phrasing));
            }
        }
        for (int e = 0; e < faq.size(); e++) {
            for (String example : examples.getOrDefault(faq.get(e).id(), List.of())) {
                owners.add(e);
                vectors.add(encoder.apply(example));
            }
        }
        float[] rows = new float[vectors.size() * dimension];
        for (int r = 0; r < vectors.size(); r++) {
            System.arraycopy(vectors.get(r), 0, rows, r * dimension, dimension);
        }
        return new PhrasingVectors(dimension, faq.size(), owners.stream().mapToInt(Integer::intValue).toArray(), rows);
    }

    /** Reads {@value #FILE} from {@code dir}; it must have been written for {@code entryCount} entries. */
    public static PhrasingVectors read(Path dir, int entryCount) {
        Path file = dir.resolve(FILE);
        try {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)); // big-endian, as DataOutputStream wrote it
            if (data.remaining() < 20 || data.getInt() != MAGIC || data.getInt() != VERSION) {
                throw new CorpusException(file + ": not a kefu vector file; run `java -jar target/kefu.jar train`");
            }
            int dimension = data.getInt();
            int entries = data.getInt();
            int count = data.getInt();
            if (entries != entryCount || dimension <= 0 || count < entries
                    || data.remaining() != (long) count * (dimension + 1) * Float.BYTES) {
                throw new CorpusException(file + ": written for " + entries + " FAQ entries, the index has "
                        + entryCount + "; run `java -jar target/kefu.jar train`");
            }
            int[] entryOf = new int[count];
            float[] rows = new float[count * dimension];
            for (int r = 0; r < count; r++) {
                entryOf[r] = data.getInt();
                data.asFloatBuffer().get(rows, r * dimension, dimension);
                data.position(data.position() + dimension * Float.BYTES);
            }
            return new PhrasingVectors(dimension, entries, entryOf, rows);
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read (" + e.getMessage() + "); run `java -jar target/kefu.jar train`",
                    e);
        }
    }

    /** Writes these vectors into {@code dir} (the same vectors always give the same bytes). */
    public void write(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dimension);
            out.writeInt(entries);
            out.writeInt(entryOf.length);
            for (int r = 0; r < entryOf.length; r++) {
                out.writeInt(entryOf[r]);
                for (int d = 0; d < dimension; d++) {
                    out.writeFloat(rows[r * dimension + d]);
                }
            }
            out.flush();
            Files.write(dir.resolve(FILE), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** Length of every vector. */
    public int dimension() {
        return dimension;
    }

    /** Neighbours counted by {@link Similarity#knnShare}. */
    static final int KNN = 10;

    /**
     * How close {@code query} (L2-normalized) is to each entry: the best and second-best cosine of its
     * rows, and its share of the {@value #KNN} nearest rows; the rows {@code hidden} marks (null:
     * none) are skipped.
     */
    public Similarity similarity(float[] query, boolean[] hidden) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("a query of " + query.length + " dimensions for vectors of " + dimension);
        }
        float[] best = new float[entries];
        float[] second = new float[entries];
        Arrays.fill(best, -1f);
        Arrays.fill(second, -1f);
        float[] dots = new float[entryOf.length];
        for (int r = 0; r < entryOf.length; r++) {
            if (hidden != null && hidden[r]) {
                dots[r] = -2f;
                continue;
            }
            float dot = dot(rows, r * dimension, query, dimension);
            dots[r] = dot;
            int e = entryOf[r];
            if (dot > best[e]) {
                second[e] = best[e];
                best[e] = dot;
            } else if (dot > second[e]) {
                second[e] = dot;
            }
        }
        float[] share = new float[entries];
        for (int r : nearest(dots, KNN)) {
            share[entryOf[r]] += 1f / KNN;
        }
        return new Similarity(best, second, share);
    }

    /**
     * The dot product of {@code query} with the row of {@code rows} that starts at {@code base}, in
     * four running sums: one sum is a chain of dependent additions, each waiting for the one before
     * (4 cycles); four chains keep the core busy. The scan over every phrasing went from 0.73 to
     * 0.30 ms (1,900 rows of 512; BENCHMARKS.md). The order of the additions is fixed, so training
     * and serving compute the same value.
     */
    static float dot(float[] rows, int base, float[] query, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int d = 0;
        for (; d + 4 <= n; d += 4) {
            a0 += rows[base + d] * query[d];
            a1 += rows[base + d + 1] * query[d + 1];
            a2 += rows[base + d + 2] * query[d + 2];
            a3 += rows[base + d + 3] * query[d + 3];
        }
        for (; d < n; d++) {
            a0 += rows[base + d] * query[d];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** The rows of the {@code k} highest values, by a partial selection (k is small). */
    private static int[] nearest(float[] dots, int k) {
        int n = Math.min(k, dots.length);
        int[] top = new int[n];
        float[] values = new float[n];
        Arrays.fill(values, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < dots.length; r++) {
            if (dots[r] <= values[n - 1]) {
                continue;
            }
            int at = n - 1;
            while (at > 0 && dots[r] > values[at - 1]) {
                values[at] = values[at - 1];
                top[at] = top[at - 1];
                at--;
            }
            values[at] = dots[r];
            top[at] = r;
        }
        return top;
    }

    /** Per entry: best and second-best cosine (-1 without rows) and share of the nearest rows. */
    public record Similarity(float[] best, float[] second, float[] knnShare) {
    }

    /** The vector of row {@code r} (phrasings in corpus order). */
    float[] row(int r) {
        return Arrays.copyOfRange(rows, r * dimension, (r + 1) * dimension);
    }

    /** Number of rows (phrasings). */
    int rowCount() {
        return entryOf.length;
    }
}
