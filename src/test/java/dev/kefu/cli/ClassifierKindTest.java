package dev.kefu.cli;

import static dev.kefu.intent.ClassifierFixture.NORMALIZER;
import static dev.kefu.intent.ClassifierFixture.TINY;
import static dev.kefu.intent.ClassifierFixture.TOKENIZER;
import static dev.kefu.intent.ClassifierFixture.corpus;
import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.LabeledText;
import dev.kefu.intent.ensemble.EnsembleIntentClassifier;
import dev.kefu.intent.ensemble.EnsembleModelFiles;
import dev.kefu.intent.linear.LiblinearModelFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind writes its own files into models/ and removes the other kinds' files, so a directory holds one classifier. */
class ClassifierKindTest {
    private static final List<LabeledText> EXAMPLES = corpus(TINY);

    @Test
    void the_default_is_the_ensemble_with_opennlp_in_it_and_it_round_trips(@TempDir Path dir) throws Exception {
        assertThat(ClassifierKind.SHIPPED).isEqualTo(ClassifierKind.ENSEMBLE);
        IntentClassifier trained = ClassifierKind.ENSEMBLE.trainer(NORMALIZER, TOKENIZER).train(EXAMPLES);
        ClassifierKind.ENSEMBLE.save(trained, dir);

        assertThat(dir.resolve(ClassifierKind.INTENT_MODEL)).isRegularFile();
        assertThat(dir.resolve(EnsembleModelFiles.SETTINGS)).isRegularFile();
        IntentClassifier loaded = ClassifierKind.ENSEMBLE.load(dir);
        assertThat(loaded).isInstanceOf(EnsembleIntentClassifier.class);
        assertThat(loaded.classify(tokens("退款还要等几天"))).isEqualTo(trained.classify(tokens("退款还要等几天")));
        assertThat(ClassifierKind.ENSEMBLE.describe()).containsEntry("classifier", "ensemble")
                .containsEntry("maxent_weight", "0.5");
    }

    @Test
    void another_kind_removes_the_files_of_the_one_before(@TempDir Path dir) throws Exception {
        ClassifierKind.ENSEMBLE.save(ClassifierKind.ENSEMBLE.trainer(NORMALIZER, TOKENIZER).train(EXAMPLES), dir);
        ClassifierKind.OPENNLP.save(ClassifierKind.OPENNLP.trainer(NORMALIZER, TOKENIZER).train(EXAMPLES), dir);
        assertThat(dir.resolve(ClassifierKind.INTENT_MODEL)).isRegularFile();
        assertThat(dir.resolve(EnsembleModelFiles.SETTINGS)).doesNotExist();
        for (String name : LiblinearModelFiles.FILES) {
            assertThat(dir.resolve(name)).doesNotExist();
        }

        ClassifierKind.ENSEMBLE.save(ClassifierKind.ENSEMBLE.trainer(NORMALIZER, TOKENIZER).train(EXAMPLES), dir);
        ClassifierKind.LIBLINEAR.save(ClassifierKind.LIBLINEAR.trainer(NORMALIZER, TOKENIZER).train(EXAMPLES), dir);
        assertThat(dir.resolve(ClassifierKind.INTENT_MODEL)).doesNotExist();
        assertThat(dir.resolve(EnsembleModelFiles.SETTINGS)).doesNotExist();
        assertThat(dir.resolve(LiblinearModelFiles.MODEL)).isRegularFile();
    }
}
