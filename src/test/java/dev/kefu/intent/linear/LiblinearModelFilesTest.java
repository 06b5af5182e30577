package dev.kefu.intent.linear;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TINY;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiblinearModelFilesTest {

    @TempDir
    Path dir;

    private static void assertSamePredictions(LiblinearIntentClassifier a, LiblinearIntentClassifier b, List<String> texts) {
        for (String text : texts) {
            IntentPrediction expected = a.classify(tokens(text));
            IntentPrediction actual = b.classify(tokens(text));
            assertThat(actual.top().label()).as(text).isEqualTo(expected.top().label());
            for (int i = 0; i < expected.ranked().size(); i++) {
                assertThat(actual.ranked().get(i).label()).isEqualTo(expected.ranked().get(i).label());
                assertThat(actual.ranked().get(i).confidence()).as(text)
                        .isCloseTo(expected.ranked().get(i).confidence(), within(1e-12));
            }
        }
    }

    @Test
    void a_saved_classifier_loads_with_the_same_predictions_and_saves_to_the_same_bytes() throws Exception {
        LiblinearIntentClassifier trained = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT)
                .train(corpus(TINY));
        LiblinearModelFiles.save(trained, dir);

        LiblinearIntentClassifier loaded = LiblinearModelFiles.load(dir, () -> {
            throw new AssertionError("a classifier without sentence vectors needs no encoder");
        });

        assertSamePredictions(trained, loaded, List.of("退款还要等几天", "密码不记得了", "您好啊", "", "完全无关的话"));
        assertThat(loaded.encoderName()).isEqualTo("none");
        assertThat(Files.readString(dir.resolve(LiblinearModelFiles.SETTINGS))).contains("sentences=none\n");
        Path again = Files.createDirectory(dir.resolve("again"));
        LiblinearModelFiles.save(loaded, again);
        for (String name : LiblinearModelFiles.FILES) {
            assertThat(again.resolve(name)).hasSameBinaryContentAs(dir.resolve(name));
        }
    }

    @Test
    void a_classifier_with_sentence_vectors_is_loaded_with_its_encoder() throws Exception {
        SentenceEncoder encoder = BgeSentenceEncoder.load();
        LiblinearIntentClassifier trained = new LiblinearIntentTrainer(NORMALIZER, TOKENIZER,
                LiblinearSettings.WITH_SENTENCES, encoder).train(corpus("/dev/kefu/intent/linear/media-intents.tsv"));
        LiblinearModelFiles.save(trained, dir);

        LiblinearIntentClassifier loaded = LiblinearModelFiles.load(dir, () -> encoder);

        assertThat(loaded.encoderName()).isEqualTo(BgeSentenceEncoder.NAME);
        assertThat(Files.readString(dir.resolve(LiblinearModelFiles.SETTINGS))).contains("sentences=" + BgeSentenceEncoder.NAME);
        assertSamePredictions(trained, loaded, List.of("周杰伦", "泰坦尼克号", "明天热不热"));
    }

    @Test
    void features_with_tabs_newlines_and_backslashes_survive_the_vocabulary_file() {
        for (String feature : List.of("c=a\tb", "w=x\\ny", "w=\\", "c=\n\r", "w=普通")) {
            assertThat(LiblinearModelFiles.unescape(LiblinearModelFiles.escape(feature))).isEqualTo(feature);
            assertThat(LiblinearModelFiles.escape(feature)).doesNotContain("\t", "\n", "\r");
        }
    }

    @Test
    void a_missing_or_damaged_file_names_itself_and_the_fix() throws Exception {
        LiblinearModelFiles.save(new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT)
                .train(corpus(TINY)), dir);
        Files.writeString(dir.resolve(LiblinearModelFiles.VOCABULARY), "w=退款 no tab here\n");
        assertThatThrownBy(() -> LiblinearModelFiles.load(dir, () -> null)).isInstanceOf(CorpusException.class)
                .hasMessageContaining(LiblinearModelFiles.VOCABULARY + ":1: expected feature<TAB>idf");

        Files.delete(dir.resolve(LiblinearModelFiles.MODEL));
        assertThatThrownBy(() -> LiblinearModelFiles.load(dir, () -> null)).isInstanceOf(CorpusException.class)
                .hasMessageContaining(LiblinearModelFiles.MODEL + ": liblinear intent model file not found")
                .hasMessageContaining("kefu.jar train");
    }

    @Test
    void a_model_trained_with_another_encoder_is_refused() throws IOException {
        Files.writeString(dir.resolve(LiblinearModelFiles.SETTINGS), "labels=a,b\nc=1.0\nword_bigrams=false\n"
                + "temperature=0.14\nsentences=some-other-encoder\n");
        assertThatThrownBy(() -> LiblinearModelFiles.load(dir, BgeSentenceEncoder::load)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("trained with the sentence encoder some-other-encoder");
    }
}
