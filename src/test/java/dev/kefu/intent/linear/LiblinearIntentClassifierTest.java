package dev.kefu.intent.linear;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TINY;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.assertUnseenPhrasingsRankFirst;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.intent.IntentFeatures;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiblinearIntentClassifierTest {
    private static List<LabeledText> examples;
    private static LiblinearIntentClassifier classifier;

    @BeforeAll
    static void train() {
        examples = corpus(TINY);
        classifier = trainer().train(examples);
    }

    private static LiblinearIntentTrainer trainer() {
        return new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT);
    }

    @Test
    void unseen_phrasings_rank_their_intent_first() {
        assertUnseenPhrasingsRankFirst(classifier);
    }

    @Test
    void every_label_is_ranked_and_the_softmax_sums_to_one() {
        IntentPrediction prediction = classifier.classify(tokens("退款多久到账"));
        assertThat(prediction.ranked()).extracting(IntentScore::label)
                .containsExactlyInAnyOrder("refund_time", "forgot_password", "greeting");
        assertThat(prediction.ranked().stream().mapToDouble(IntentScore::confidence).sum()).isBetween(0.999, 1.001);
    }

    @Test
    void classify_gives_the_softmax_of_the_feature_strings() {
        // classify() looks the features up in place instead of building their strings
        for (String text : List.of("退款还要等几天", "忘了密码 密码", "早上好", "今天天气怎么样", "")) {
            double[] expected = classifier.probabilities(IntentFeatures.of(tokens(text), false));
            for (IntentScore score : classifier.classify(tokens(text)).ranked()) {
                assertThat(score.confidence()).isEqualTo(Math.min(1.0, expected[classifier.outcomes().indexOf(score.label())]));
            }
        }
    }

    @Test
    void training_twice_gives_the_same_predictions() {
        LiblinearIntentClassifier again = trainer().train(examples);
        for (String text : List.of("退款还要等几天", "忘了密码", "早上好", "今天天气怎么样")) {
            assertThat(again.classify(tokens(text))).isEqualTo(classifier.classify(tokens(text)));
        }
    }

    @Test
    void one_label_is_refused() {
        assertThatThrownBy(() -> trainer().train(examples.stream().filter(e -> e.label().equals("greeting")).toList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two intents");
    }

    @Test
    void settings_are_validated() {
        assertThatThrownBy(() -> new LiblinearSettings(0, false, 0.03)).hasMessageContaining("c must be > 0");
        assertThatThrownBy(() -> new LiblinearSettings(1, false, 0)).hasMessageContaining("temperature");
    }
}
