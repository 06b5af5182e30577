package dev.kefu.cli;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import dev.kefu.intent.ensemble.EnsembleIntentClassifier;
import dev.kefu.intent.ensemble.EnsembleIntentTrainer;
import dev.kefu.intent.ensemble.EnsembleModelFiles;
import dev.kefu.intent.ensemble.EnsembleSettings;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.linear.LiblinearIntentTrainer;
import dev.kefu.intent.linear.LiblinearModelFiles;
import dev.kefu.intent.linear.LiblinearSettings;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.intent.maxent.OpenNlpIntentTrainer;
import dev.kefu.intent.maxent.TrainingSettings;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The intent classifiers the commands know, by their {@code --classifier} name: how each is
 * trained and its files in {@code models/} (every kind can be written by {@code train} and loaded
 * by {@code serve}).
 */
enum ClassifierKind {
    OPENNLP("opennlp"), LIBLINEAR("liblinear"), ENSEMBLE("ensemble"), LIBLINEAR_BGE("liblinear-bge");

    /**
     * The classifier {@code train} writes by default: the ensemble, which wins answer-level CV
     * and keeps OpenNLP as half of every confidence (BENCHMARKS.md).
     */
    static final ClassifierKind SHIPPED = ENSEMBLE;
    /** The classifier {@code eval} and {@code bench} train with {@code --train} (public benchmarks) by default. */
    static final ClassifierKind ALONE = OPENNLP;
    /** The classifier of models whose manifest records no kind (written before kinds were recorded). */
    static final ClassifierKind UNRECORDED = OPENNLP;
    static final String INTENT_MODEL = "intent.bin";
    /** The manifest setting that records which classifier {@code models/} holds. */
    static final String MANIFEST_KEY = "classifier";

    private final String option;

    ClassifierKind(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    /** The kind named {@code name} on the command line. */
    static ClassifierKind named(String name) {
        for (ClassifierKind kind : values()) {
            if (kind.option.equals(name)) {
                return kind;
            }
        }
        List<String> names = java.util.Arrays.stream(values()).map(ClassifierKind::option).toList();
        throw new UsageException("--classifier must be " + String.join(", ", names.subList(0, names.size() - 1))
                + " or " + names.get(names.size() - 1) + ", was " + name);
    }

    IntentTrainer trainer(TextNormalizer normalizer, SmartcnTokenizer tokenizer) {
        return switch (this) {
            case OPENNLP -> new OpenNlpIntentTrainer(normalizer, tokenizer, TrainingSettings.DEFAULT);
            case LIBLINEAR -> new LiblinearIntentTrainer(normalizer, tokenizer, LiblinearSettings.DEFAULT);
            case ENSEMBLE -> new EnsembleIntentTrainer(normalizer, tokenizer, EnsembleSettings.DEFAULT);
            case LIBLINEAR_BGE -> new LiblinearIntentTrainer(normalizer, tokenizer, LiblinearSettings.WITH_SENTENCES,
                    BgeSentenceEncoder.load());
        };
    }

    /** The training settings as the manifest records them, this kind's name included. */
    Map<String, String> describe() {
        Map<String, String> settings = new TreeMap<>(switch (this) {
            case OPENNLP -> TrainingSettings.DEFAULT.describe();
            case LIBLINEAR -> LiblinearSettings.DEFAULT.describe();
            case LIBLINEAR_BGE -> LiblinearSettings.WITH_SENTENCES.describe();
            case ENSEMBLE -> EnsembleSettings.DEFAULT.describe();
        });
        if (this == LIBLINEAR_BGE) {
            settings.put("sentences", BgeSentenceEncoder.NAME);
        }
        settings.put(MANIFEST_KEY, option);
        return settings;
    }

    /** Writes {@code classifier} (trained by this kind) into {@code dir} and removes the other kinds' files. */
    void save(IntentClassifier classifier, Path dir) throws IOException {
        switch (this) {
            case OPENNLP -> {
                ((OpenNlpIntentClassifier) classifier).save(dir.resolve(INTENT_MODEL));
                for (String name : LiblinearModelFiles.FILES) {
                    Files.deleteIfExists(dir.resolve(name));
                }
            }
            case LIBLINEAR, LIBLINEAR_BGE -> {
                LiblinearModelFiles.save((LiblinearIntentClassifier) classifier, dir);
                Files.deleteIfExists(dir.resolve(INTENT_MODEL));
            }
            case ENSEMBLE -> EnsembleModelFiles.save((EnsembleIntentClassifier) classifier, dir, INTENT_MODEL);
        }
        if (this != ENSEMBLE) {
            Files.deleteIfExists(dir.resolve(EnsembleModelFiles.SETTINGS));
        }
    }

    /** The classifier {@code train} wrote into {@code dir} as this kind. */
    IntentClassifier load(Path dir) {
        return switch (this) {
            case OPENNLP -> OpenNlpIntentClassifier.load(dir.resolve(INTENT_MODEL));
            case ENSEMBLE -> EnsembleModelFiles.load(dir, INTENT_MODEL);
            case LIBLINEAR, LIBLINEAR_BGE -> LiblinearModelFiles.load(dir, BgeSentenceEncoder::loadForConcurrentCalls);
        };
    }
}
