package dev.kefu.intent.linear;

import dev.kefu.text.CorpusException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A liblinear classifier in one binary file: the settings, the labels, the vocabulary with its
 * idf, the sentence encoder's name and dimension (0: none), and the classifier's own sparse rows
 * of 32-bit weights (a weight under 1e-9 in magnitude, which the solver leaves in numbers, is
 * already zero there). A classifier read back has no encoder of its own: with sentence vectors,
 * it classifies with the vector its caller computed. The answer ranker's entry classifier (88
 * outcomes, 16,000 features) is 11 MB in liblinear's text format and takes half a second to
 * parse; here it is about 2 MB and reads in a few milliseconds. The same classifier always gives
 * the same bytes. Stateless.
 */
public final class CompactModelFile {
    private static final int MAGIC = 0x6b666c6c; // "kfll"
    private static final int VERSION = 2;

    private CompactModelFile() {
    }

    /** Writes {@code classifier} to {@code file}. */
    public static void write(LiblinearIntentClassifier classifier, Path file) {
        List<String> outcomes = classifier.outcomes();
        List<String> features = classifier.vectorizer().ordered();
        int[] rowStart = classifier.rowStart();
        char[] outcomeOf = classifier.outcomeOf();
        float[] weights = classifier.sparseWeights();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            LiblinearSettings settings = classifier.settings();
            out.writeDouble(settings.c());
            out.writeBoolean(settings.wordBigrams());
            out.writeDouble(settings.temperature());
            out.writeUTF(classifier.encoderName());
            out.writeInt(classifier.sentenceDimension());
            writeStrings(out, classifier.labelsInOrder());
            writeStrings(out, outcomes);
            writeStrings(out, features);
            for (int i = 1; i <= features.size(); i++) {
                out.writeDouble(classifier.vectorizer().idf(i));
            }
            for (int f = 0; f + 1 < rowStart.length; f++) { // the TF-IDF features, the sentence vector, the bias
                out.writeShort(rowStart[f + 1] - rowStart[f]);
                for (int k = rowStart[f]; k < rowStart[f + 1]; k++) {
                    out.writeShort(outcomeOf[k]);
                    out.writeFloat(weights[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a file {@link #write} wrote; anything else is a {@link CorpusException} that says to retrain. */
    public static LiblinearIntentClassifier read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file + ": model file not found; run `java -jar target/kefu.jar train`");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new CorpusException(file + ": not a kefu compact liblinear model; run `java -jar target/kefu.jar train`");
            }
            LiblinearSettings settings = new LiblinearSettings(in.readDouble(), in.readBoolean(), in.readDouble());
            String encoderName = in.readUTF();
            int dimension = in.readInt();
            if (dimension < 0 || dimension > 65_536) {
                throw new CorpusException(file + ": a sentence vector of " + dimension + " dimensions; run "
                        + "`java -jar target/kefu.jar train`");
            }
            List<String> labels = readStrings(in);
            List<String> outcomes = readStrings(in);
            List<String> features = readStrings(in);
            double[] idf = new double[features.size() + 1];
            for (int i = 1; i <= features.size(); i++) {
                idf[i] = in.readDouble();
            }
            int width = outcomes.size();
            int rows = features.size() + dimension + 1;
            int[] rowStart = new int[rows + 1];
            char[] outcomeOf = new char[1 << 16];
            float[] weights = new float[1 << 16];
            int n = 0;
            for (int f = 0; f < rows; f++) {
                rowStart[f] = n;
                int kept = in.readUnsignedShort();
                if (n + kept > weights.length) {
                    int grown = Math.max(weights.length * 2, n + kept);
                    outcomeOf = java.util.Arrays.copyOf(outcomeOf, grown);
                    weights = java.util.Arrays.copyOf(weights, grown);
                }
                for (int k = 0; k < kept; k++) {
                    int o = in.readUnsignedShort();
                    if (o >= width) {
                        throw new CorpusException(file + ": outcome " + o + " of " + width + "; run `java -jar target/kefu.jar train`");
                    }
                    outcomeOf[n] = (char) o;
                    weights[n++] = in.readFloat();
                }
            }
            rowStart[rows] = n;
            if (in.read() != -1) {
                throw new CorpusException(file + ": trailing bytes; run `java -jar target/kefu.jar train`");
            }
            return new LiblinearIntentClassifier(outcomes, rowStart, java.util.Arrays.copyOf(outcomeOf, n),
                    java.util.Arrays.copyOf(weights, n), labels, TfIdfVectorizer.of(features, idf), settings, dimension,
                    encoderName);
        } catch (EOFException e) {
            throw new CorpusException(file + ": cut short; run `java -jar target/kefu.jar train`", e);
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read (" + e.getMessage() + "); run `java -jar target/kefu.jar train`", e);
        } catch (IllegalArgumentException e) {
            throw new CorpusException(file + ": " + e.getMessage() + "; run `java -jar target/kefu.jar train`", e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("a list of " + n + " strings");
        }
        List<String> strings = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }
}
