package dev.kefu.intent.maxent;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TINY;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.assertUnseenPhrasingsRankFirst;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.CorpusException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenNlpIntentClassifierTest {
    private static List<LabeledText> examples;
    private static OpenNlpIntentClassifier classifier;

    @BeforeAll
    static void train() {
        examples = corpus(TINY);
        classifier = trainer().train(examples);
    }

    private static OpenNlpIntentTrainer trainer() {
        return new OpenNlpIntentTrainer(NORMALIZER, TOKENIZER, TrainingSettings.DEFAULT);
    }

    @Test
    void unseen_phrasings_rank_their_intent_first() {
        assertUnseenPhrasingsRankFirst(classifier);
    }

    @Test
    void every_label_is_ranked_and_confidences_sum_to_one() {
        IntentPrediction prediction = classifier.classify(tokens("退款多久到账"));
        assertThat(prediction.ranked()).extracting(IntentScore::label)
                .containsExactlyInAnyOrder("refund_time", "forgot_password", "greeting");
        assertThat(prediction.ranked().stream().mapToDouble(IntentScore::confidence).sum()).isBetween(0.999, 1.001);
        assertThat(classifier.labels()).containsExactlyInAnyOrder("refund_time", "forgot_password", "greeting");
    }

    @Test
    void input_with_no_known_feature_gets_a_low_flat_confidence() {
        IntentPrediction prediction = classifier.classify(tokens("ㅋㅋㅋㅎㅎ"));
        assertThat(prediction.top().confidence()).isLessThan(0.5);
        assertThat(prediction.top().confidence() - prediction.ranked().get(2).confidence()).isLessThan(0.1);
    }

    @Test
    void known_input_is_more_confident_than_unknown_input() {
        double known = classifier.classify(tokens("忘记密码了")).top().confidence();
        double unknown = classifier.classify(tokens("ㅋㅋㅋㅎㅎ")).top().confidence();
        assertThat(known).isGreaterThan(unknown + 0.3);
    }

    @Test
    void training_twice_on_the_same_corpus_gives_the_same_bytes(@TempDir Path dir) throws Exception {
        classifier.save(dir.resolve("a.bin"));
        trainer().train(examples).save(dir.resolve("b.bin"));
        assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("b.bin")));
    }

    @Test
    void a_saved_model_loads_and_predicts_the_same(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intent.bin");
        classifier.save(file);
        OpenNlpIntentClassifier loaded = OpenNlpIntentClassifier.load(file);
        for (LabeledText example : examples) {
            assertThat(loaded.classify(tokens(example.text()))).isEqualTo(classifier.classify(tokens(example.text())));
        }
    }

    @Test
    void the_flat_weight_table_gives_the_probabilities_of_opennlp_itself(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intent.bin");
        classifier.save(file);
        MaxentModel maxent = new DoccatModel(file).getMaxentModel();
        for (String text : List.of("退款多久到账", "忘了密码", "早上好", "ㅋㅋㅋ", "")) {
            String[] features = IntentFeatures.of(tokens(text));
            assertThat(classifier.probabilities(features)).containsExactly(maxent.eval(features), within(1e-12));
            // classify() looks the features up in place instead of building their strings: the same sums, in the same order
            IntentPrediction prediction = classifier.classify(tokens(text));
            double[] expected = classifier.probabilities(features);
            for (IntentScore score : prediction.ranked()) {
                assertThat(score.confidence()).isEqualTo(expected[classifier.outcomes().indexOf(score.label())]);
            }
        }
    }

    @Test
    void concurrent_classification_matches_sequential() throws Exception {
        List<String> texts = examples.stream().map(LabeledText::text).toList();
        List<IntentPrediction> expected = texts.stream().map(t -> classifier.classify(tokens(t))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<IntentPrediction>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> texts.stream().map(t -> classifier.classify(tokens(t))).toList()));
            }
            for (Future<List<IntentPrediction>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_missing_or_corrupt_model_says_to_run_train(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> OpenNlpIntentClassifier.load(dir.resolve("none.bin")))
                .isInstanceOf(CorpusException.class).hasMessageContaining("run `java -jar target/kefu.jar train`");
        Path corrupt = Files.writeString(dir.resolve("corrupt.bin"), "not a model");
        assertThatThrownBy(() -> OpenNlpIntentClassifier.load(corrupt))
                .isInstanceOf(CorpusException.class).hasMessageContaining("train");
    }

    @Test
    void training_needs_two_intents() {
        assertThatThrownBy(() -> trainer().train(List.of(new LabeledText("greeting", "你好", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two intents");
    }
}
