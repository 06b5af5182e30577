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
import dev.kefu.text.CorpusException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactModelFileTest {

    @TempDir
    Path dir;

    private static LiblinearIntentClassifier trained() {
        return new LiblinearIntentTrainer(NORMALIZER, TOKENIZER, LiblinearSettings.DEFAULT).train(corpus(TINY));
    }

    @Test
    void a_classifier_reads_back_with_the_same_ranking_and_writes_the_same_bytes() throws Exception {
        LiblinearIntentClassifier trained = trained();
        Path file = dir.resolve("model.bin");
        CompactModelFile.write(trained, file);
        LiblinearIntentClassifier read = CompactModelFile.read(file);

        for (String text : List.of("退款还要等几天", "密码不记得了", "您好啊", "", "完全无关的话")) {
            IntentPrediction expected = trained.classify(tokens(text));
            IntentPrediction actual = read.classify(tokens(text));
            for (int i = 0; i < expected.ranked().size(); i++) {
                assertThat(actual.ranked().get(i).label()).as(text).isEqualTo(expected.ranked().get(i).label());
                // weights are stored as 32-bit floats
                assertThat(actual.ranked().get(i).confidence()).as(text)
                        .isCloseTo(expected.ranked().get(i).confidence(), within(1e-5));
            }
        }
        assertThat(read.labels()).isEqualTo(trained.labels());
        assertThat(read.outcomes()).isEqualTo(trained.outcomes());
        assertThat(read.temperature()).isEqualTo(trained.temperature());
        Path again = dir.resolve("again.bin");
        CompactModelFile.write(read, again);
        assertThat(again).hasSameBinaryContentAs(file);
        assertThatThrownBy(() -> LiblinearModelFiles.save(read, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no liblinear model");
    }

    @Test
    void a_damaged_or_foreign_file_says_so_and_asks_for_train() throws Exception {
        Path file = dir.resolve("model.bin");
        CompactModelFile.write(trained(), file);
        byte[] bytes = Files.readAllBytes(file);

        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> CompactModelFile.read(cut)).isInstanceOf(CorpusException.class)
                .hasMessageContaining(cut + ": cut short").hasMessageContaining("kefu.jar train");

        Path longer = dir.resolve("longer.bin");
        Files.write(longer, Arrays.copyOf(bytes, bytes.length + 1));
        assertThatThrownBy(() -> CompactModelFile.read(longer)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("trailing bytes");

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "solver_type MCSVM_CS\nnr_class 2\n");
        assertThatThrownBy(() -> CompactModelFile.read(foreign)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("not a kefu compact liblinear model");

        assertThatThrownBy(() -> CompactModelFile.read(dir.resolve("missing.bin"))).isInstanceOf(CorpusException.class)
                .hasMessageContaining("not found");
    }
}
