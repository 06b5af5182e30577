package dev.kefu.intent.ensemble;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TINY;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.assertUnseenPhrasingsRankFirst;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.linear.LiblinearIntentClassifier;
import dev.kefu.intent.linear.LiblinearIntentTrainer;
import dev.kefu.intent.linear.LiblinearSettings;
import dev.kefu.intent.maxent.OpenNlpIntentClassifier;
import dev.kefu.intent.maxent.OpenNlpIntentTrainer;
import dev.kefu.intent.maxent.TrainingSettings;
import dev.kefu.intent.linear.LiblinearModelFiles;
import dev.kefu.text.CorpusException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleIntentClassifierTest {
    private static final List<String> TEXTS = List.of("退款还要等几天", "密码不记得了", "您好啊", "今天天气怎么样", "ㅋㅋㅋ");
    private static List<LabeledText> examples;
    private static EnsembleIntentClassifier classifier;

    @BeforeAll
    static void train() {
        examples = corpus(TINY);
        classifier = trainer(EnsembleSettings.DEFAULT).train(examples);
    }

    private static EnsembleIntentTrainer trainer(EnsembleSettings settings) {
        return new EnsembleIntentTrainer(NORMALIZER, TOKENIZER, settings);
    }

    private static EnsembleSettings weighted(double maxentWeight) {
        return new EnsembleSettings(TrainingSettings.DEFAULT, LiblinearSettings.DEFAULT, maxentWeight);
    }

    @Test
    void unseen_phrasings_rank_their_intent_first() {
        assertUnseenPhrasingsRankFirst(classifier);
    }

    @Test
    void every_label_is_ranked_and_the_confidences_sum_to_one() {
        for (String text : TEXTS) {
            IntentPrediction prediction = classifier.classify(tokens(text));
            assertThat(prediction.ranked()).extracting(IntentScore::label)
                    .containsExactlyInAnyOrder("refund_time", "forgot_password", "greeting");
            assertThat(prediction.ranked().stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void the_confidence_is_the_weighted_mean_of_the_members() {
        OpenNlpIntentClassifier maxent = new OpenNlpIntentTrainer(NORMALIZER, TOKENIZER, TrainingSettings.DEFAULT).train(examples);
        LiblinearIntentClassifier liblinear = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER,
                EnsembleSettings.DEFAULT.liblinear()).train(examples);
        for (String text : TEXTS) {
            for (IntentScore score : classifier.classify(tokens(text)).ranked()) {
                double expected = 0.5 * confidence(maxent, text, score.label())
                        + 0.5 * confidence(liblinear, text, score.label());
                assertThat(score.confidence()).isCloseTo(expected, within(1e-5)); // the table holds floats
            }
        }
    }

    @Test
    void weight_one_ranks_like_maxent_and_weight_zero_like_liblinear() {
        IntentClassifier maxentOnly = trainer(weighted(1.0)).train(examples);
        IntentClassifier liblinearOnly = trainer(weighted(0.0)).train(examples);
        IntentClassifier maxent = new OpenNlpIntentTrainer(NORMALIZER, TOKENIZER, TrainingSettings.DEFAULT).train(examples);
        IntentClassifier liblinear = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT)
                .train(examples);
        for (String text : TEXTS) {
            assertThat(labels(maxentOnly, text)).isEqualTo(labels(maxent, text));
            assertThat(labels(liblinearOnly, text)).isEqualTo(labels(liblinear, text));
        }
    }

    @Test
    void training_twice_gives_the_same_predictions() {
        EnsembleIntentClassifier again = trainer(EnsembleSettings.DEFAULT).train(examples);
        for (String text : TEXTS) {
            assertThat(again.classify(tokens(text))).isEqualTo(classifier.classify(tokens(text)));
        }
    }

    @Test
    void the_weight_must_be_between_zero_and_one() {
        assertThatThrownBy(() -> weighted(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxentWeight must be in 0..1, was 1.5");
        assertThatThrownBy(() -> weighted(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_saved_ensemble_loads_with_the_same_predictions_and_the_same_bytes(@TempDir Path dir) throws Exception {
        EnsembleModelFiles.save(classifier, dir, "intent.bin");
        EnsembleIntentClassifier loaded = EnsembleModelFiles.load(dir, "intent.bin");

        assertThat(loaded.maxentWeight()).isEqualTo(classifier.maxentWeight());
        for (String text : TEXTS) {
            assertThat(loaded.classify(tokens(text))).isEqualTo(classifier.classify(tokens(text)));
        }
        Path again = Files.createDirectory(dir.resolve("again"));
        EnsembleModelFiles.save(loaded, again, "intent.bin");
        for (String name : List.of("intent.bin", EnsembleModelFiles.SETTINGS, LiblinearModelFiles.MODEL,
                LiblinearModelFiles.VOCABULARY, LiblinearModelFiles.SETTINGS)) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Test
    void a_missing_or_broken_weight_file_is_named_in_the_error(@TempDir Path dir) throws Exception {
        EnsembleModelFiles.save(classifier, dir, "intent.bin");
        Path settings = dir.resolve(EnsembleModelFiles.SETTINGS);
        Files.writeString(settings, "maxent_weight=heavy\n");
        assertThatThrownBy(() -> EnsembleModelFiles.load(dir, "intent.bin")).isInstanceOf(CorpusException.class)
                .hasMessageContaining(settings + ": maxent_weight must be a number in 0..1, was heavy");
        Files.writeString(settings, "maxent_weight=1.5\n");
        assertThatThrownBy(() -> EnsembleModelFiles.load(dir, "intent.bin")).isInstanceOf(CorpusException.class)
                .hasMessageContaining("was 1.5");
        Files.delete(settings);
        assertThatThrownBy(() -> EnsembleModelFiles.load(dir, "intent.bin")).isInstanceOf(CorpusException.class)
                .hasMessageContaining(settings + ": missing");
    }

    @Test
    void the_settings_describe_both_members() {
        assertThat(EnsembleSettings.DEFAULT.describe()).containsEntry("maxent_weight", "0.5")
                .containsEntry("maxent.algorithm", "MAXENT_QN").containsEntry("liblinear.algorithm", "liblinear MCSVM_CS");
    }

    private static double confidence(IntentClassifier classifier, String text, String label) {
        return classifier.classify(tokens(text)).ranked().stream().filter(s -> s.label().equals(label))
                .findFirst().orElseThrow().confidence();
    }

    private static List<String> labels(IntentClassifier classifier, String text) {
        return classifier.classify(tokens(text)).ranked().stream().map(IntentScore::label).toList();
    }
}
