package dev.kefu.intent.linear;

import de.bwaldvogel.liblinear.Model;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A liblinear classifier saved in a models directory as three files: the liblinear model
 * ({@value #MODEL}), the vocabulary with its idf ({@value #VOCABULARY}, one {@code feature<TAB>idf}
 * per line in number order) and the settings and labels ({@value #SETTINGS}). The same
 * classifier always gives the same bytes. Stateless.
 */
public final class LiblinearModelFiles {
    public static final String MODEL = "intent-liblinear.model";
    public static final String VOCABULARY = "intent-liblinear-vocabulary.tsv";
    public static final String SETTINGS = "intent-liblinear.properties";
    /** Every file this class writes, for a caller that replaces them. */
    public static final List<String> FILES = List.of(MODEL, VOCABULARY, SETTINGS);

    private LiblinearModelFiles() {
    }

    /** Writes {@code classifier} into {@code dir}. */
    public static void save(LiblinearIntentClassifier classifier, Path dir) throws IOException {
        StringWriter model = new StringWriter();
        classifier.model().save(model);
        Files.writeString(dir.resolve(MODEL), model.toString(), StandardCharsets.UTF_8);
        StringBuilder vocabulary = new StringBuilder();
        List<String> features = classifier.vectorizer().ordered();
        for (int i = 0; i < features.size(); i++) {
            vocabulary.append(escape(features.get(i))).append('\t').append(classifier.vectorizer().idf(i + 1)).append('\n');
        }
        Files.writeString(dir.resolve(VOCABULARY), vocabulary, StandardCharsets.UTF_8);
        LiblinearSettings settings = classifier.settings();
        String text = "# Written by `kefu train`; do not edit.\n"
                + "labels=" + String.join(",", classifier.labelsInOrder()) + "\n"
                + "c=" + settings.c() + "\n"
                + "word_bigrams=" + settings.wordBigrams() + "\n"
                + "temperature=" + settings.temperature() + "\n"
                + "sentences=" + classifier.encoderName() + "\n";
        Files.writeString(dir.resolve(SETTINGS), text, StandardCharsets.UTF_8);
    }

    /** Reads the classifier in {@code dir}; {@code encoder} is called only if it needs one. */
    public static LiblinearIntentClassifier load(Path dir, Supplier<SentenceEncoder> encoder) {
        Properties properties = settings(dir);
        Path settingsFile = dir.resolve(SETTINGS);
        try {
            LiblinearSettings settings = new LiblinearSettings(Double.parseDouble(required(properties, "c", settingsFile)),
                    Boolean.parseBoolean(required(properties, "word_bigrams", settingsFile)),
                    Double.parseDouble(required(properties, "temperature", settingsFile)));
            List<String> labels = List.of(required(properties, "labels", settingsFile).split(","));
            String encoderName = properties.getProperty("sentences", LiblinearIntentClassifier.NO_ENCODER);
            SentenceEncoder sentences = null;
            if (!encoderName.equals(LiblinearIntentClassifier.NO_ENCODER)) {
                sentences = encoder.get();
                if (!sentences.name().equals(encoderName)) {
                    throw new CorpusException(settingsFile + ": trained with the sentence encoder " + encoderName
                            + ", but " + sentences.name() + " is available; run `java -jar target/kefu.jar train`");
                }
            }
            Model model;
            try (Reader in = Files.newBufferedReader(file(dir, MODEL), StandardCharsets.UTF_8)) {
                model = Model.load(in);
            }
            return new LiblinearIntentClassifier(model, labels, vocabulary(dir), settings, sentences);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorpusException corpus) {
                throw corpus;
            }
            throw new CorpusException(dir + ": not a readable liblinear intent model (" + e.getMessage()
                    + "); run `java -jar target/kefu.jar train`", e);
        }
    }

    private static TfIdfVectorizer vocabulary(Path dir) throws IOException {
        Path file = file(dir, VOCABULARY);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> features = new ArrayList<>(lines.size());
        double[] idf = new double[lines.size() + 1];
        for (String line : lines) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new CorpusException(file + ":" + (features.size() + 1) + ": expected feature<TAB>idf, found no tab");
            }
            features.add(unescape(line.substring(0, tab)));
            idf[features.size()] = Double.parseDouble(line.substring(tab + 1));
        }
        return TfIdfVectorizer.of(features, idf);
    }

    private static Properties settings(Path dir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file(dir, SETTINGS), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new CorpusException(dir.resolve(SETTINGS) + ": cannot read: " + e.getMessage(), e);
        }
        return properties;
    }

    private static Path file(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file + ": liblinear intent model file not found; run `java -jar target/kefu.jar train`");
        }
        return file;
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new CorpusException(file + ": " + key + " is missing; run `java -jar target/kefu.jar train`");
        }
        return value.trim();
    }

    /** Features are words and character grams: a tab, a newline or a backslash in one is escaped. */
    static String escape(String feature) {
        return feature.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
