package dev.kefu.cli;

import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code models/manifest.properties}: the sha-256 of every corpus file the models were built from
 * and the training settings. No timestamp, so the same corpus gives the same manifest. Used to
 * refuse stale models.
 */
record ModelManifest(Map<String, String> corpusSha256, Map<String, String> settings) {
    static final String FILE = "manifest.properties";
    static final List<String> CORPUS_FILES = List.of("intents.tsv", "faq.txt", "synonyms.txt");
    private static final String SHA_PREFIX = "corpus.sha256.";
    private static final String SETTING_PREFIX = "training.";

    ModelManifest {
        corpusSha256 = Map.copyOf(corpusSha256);
        settings = Map.copyOf(settings);
    }

    /** The manifest describing {@code corpusDir} as it is now. */
    static ModelManifest of(Path corpusDir, Map<String, String> settings) {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : CORPUS_FILES) {
            hashes.put(name, sha256(corpusDir.resolve(name)));
        }
        return new ModelManifest(hashes, settings);
    }

    static ModelManifest read(Path modelsDir) {
        Path file = modelsDir.resolve(FILE);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new CorpusException(file + ": not found; run `java -jar target/kefu.jar train`");
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> hashes = new TreeMap<>();
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(SHA_PREFIX)) {
                hashes.put(key.substring(SHA_PREFIX.length()), properties.getProperty(key));
            } else if (key.startsWith(SETTING_PREFIX)) {
                settings.put(key.substring(SETTING_PREFIX.length()), properties.getProperty(key));
            }
        }
        return new ModelManifest(hashes, settings);
    }

    void write(Path modelsDir) throws IOException {
        StringBuilder text = new StringBuilder("# Written by `kefu train`; do not edit.\n");
        new TreeMap<>(corpusSha256).forEach((k, v) -> text.append(SHA_PREFIX).append(k).append('=').append(v).append('\n'));
        new TreeMap<>(settings).forEach((k, v) -> text.append(SETTING_PREFIX).append(k).append('=')
                .append(v.replace("\\", "\\\\")).append('\n'));
        try (Writer out = Files.newBufferedWriter(modelsDir.resolve(FILE), StandardCharsets.UTF_8)) {
            out.write(text.toString());
        }
    }

    /**
     * The version of these models as the decision log names it: the first 12 hex digits of a sha-256
     * over the corpus hashes, then the classifier and ranker, e.g. {@code corpus-1a2b3c4d5e6f opennlp/learned-bge}.
     * The same corpus and settings always give the same version.
     */
    String version() {
        StringBuilder hashes = new StringBuilder();
        new TreeMap<>(corpusSha256).forEach((k, v) -> hashes.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashes.toString().getBytes(StandardCharsets.UTF_8));
            return "corpus-" + HexFormat.of().formatHex(digest).substring(0, 12) + " "
                    + settings.getOrDefault("classifier", "opennlp") + "/" + settings.getOrDefault("ranker", "intent-first");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The corpus files whose content differs from what the models were built from; empty when fresh. */
    List<String> staleAgainst(Path corpusDir) {
        return CORPUS_FILES.stream()
                .filter(name -> !sha256(corpusDir.resolve(name)).equals(corpusSha256.get(name)))
                .map(name -> corpusDir.resolve(name).toString())
                .toList();
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new CorpusException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
