package dev.kefu.intent.linear;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** liblinear with bge-small-zh sentence vectors beside the n-grams ({@code --classifier liblinear-bge}). */
class SentenceVectorClassifierTest {
    private static LiblinearIntentClassifier plain;
    private static LiblinearIntentClassifier withSentences;

    @BeforeAll
    static void train() {
        List<LabeledText> examples = corpus("/dev/kefu/intent/linear/media-intents.tsv");
        plain = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT).train(examples);
        withSentences = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT,
                BgeSentenceEncoder.load()).train(examples);
    }

    @Test
    void a_name_no_training_line_holds_is_recognised_from_the_sentence_vector() {
        // no word or character of 周杰伦 is in the training lines: the n-grams alone know nothing of it
        assertThat(plain.vectorizer().features()).noneMatch(f -> f.matches(".*[周杰伦].*"));
        assertThat(withSentences.classify(tokens("周杰伦")).top().label()).isEqualTo("music");
        assertThat(withSentences.classify(tokens("泰坦尼克号")).top().label()).isEqualTo("video");
    }

    @Test
    void messages_like_the_training_lines_keep_their_intent() {
        assertThat(withSentences.classify(tokens("明天热不热")).top().label()).isEqualTo("weather");
        assertThat(withSentences.classify(tokens("放一首歌听听")).top().label()).isEqualTo("music");
        assertThat(withSentences.classify(tokens("想看一部电影")).top().label()).isEqualTo("video");
    }

    @Test
    void an_empty_message_is_ranked_too() {
        assertThat(withSentences.classify(tokens("")).ranked()).extracting(IntentScore::label)
                .containsExactlyInAnyOrder("music", "video", "weather");
    }

    @Test
    void feature_strings_alone_are_refused_since_the_vector_needs_the_text() {
        assertThatThrownBy(() -> withSentences.probabilities(new String[] {"w=天气"}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the tokens");
    }
}
