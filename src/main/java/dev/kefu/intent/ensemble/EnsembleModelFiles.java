package dev.kefu.intent.ensemble;

import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.linear.LiblinearModelFiles;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An ensemble saved in a models directory: its OpenNLP member in {@code maxentFile}, its liblinear
 * member in {@link LiblinearModelFiles}' three files and maxent's weight in {@value #SETTINGS}.
 * The same ensemble always gives the same bytes. Stateless.
 */
public final class EnsembleModelFiles {
    public static final String SETTINGS = "intent-ensemble.properties";

    private EnsembleModelFiles() {
    }

    /** Writes {@code ensemble} into {@code dir}, its OpenNLP member as {@code maxentFile}. */
    public static void save(EnsembleIntentClassifier ensemble, Path dir, String maxentFile) throws IOException {
        ensemble.maxent().save(dir.resolve(maxentFile));
        LiblinearModelFiles.save(ensemble.liblinear(), dir);
        Files.writeString(dir.resolve(SETTINGS), "# Written by `kefu train`; do not edit.\n"
                + "maxent_weight=" + ensemble.maxentWeight() + "\n",
                StandardCharsets.UTF_8);
    }

    /** Reads the ensemble in {@code dir}; a missing or broken file is a {@link CorpusException} naming it. */
    public static EnsembleIntentClassifier load(Path dir, String maxentFile) {
        Path settings = dir.resolve(SETTINGS);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new CorpusException(settings + ": missing; run `java -jar target/kefu.jar train`");
        } catch (IOException e) {
            throw new CorpusException(settings + ": cannot be read (" + e.getMessage() + ")");
        }
        String weight = properties.getProperty("maxent_weight");
        double maxentWeight;
        try {
            maxentWeight = weight == null ? Double.NaN : Double.parseDouble(weight.trim());
        } catch (NumberFormatException e) {
            maxentWeight = Double.NaN;
        }
        if (!(maxentWeight >= 0 && maxentWeight <= 1)) {
            throw new CorpusException(settings + ": maxent_weight must be a number in 0..1, was " + weight
                    + "; run `java -jar target/kefu.jar train`");
        }
        OpenNlpIntentClassifier maxent = OpenNlpIntentClassifier.load(dir.resolve(maxentFile));
        LiblinearIntentClassifier liblinear = LiblinearModelFiles.load(dir, () -> {
            throw new CorpusException(dir.resolve(LiblinearModelFiles.SETTINGS)
                    + ": the ensemble's liblinear member reads no sentence vectors; run `java -jar target/kefu.jar train`");
        });
        try {
            return new EnsembleIntentClassifier(maxent, liblinear, maxentWeight);
        } catch (IllegalArgumentException e) {
            throw new CorpusException(dir + ": the ensemble's members do not match (" + e.getMessage()
                    + "); run `java -jar target/kefu.jar train`");
        }
    }
}
