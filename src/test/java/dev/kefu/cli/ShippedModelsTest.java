package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code models/} must be built from the committed {@code corpus/}. Tests run with the
 * project directory as the working directory.
 */
class ShippedModelsTest {

    @Test
    void shipped_models_are_not_stale_against_the_corpus() {
        assertThat(ModelManifest.read(Path.of("models")).staleAgainst(Path.of("corpus")))
                .as("models/ was trained from another version of these corpus files: "
                        + "run `java -jar target/kefu.jar train` and commit models/")
                .isEmpty();
    }

    @Test
    void shipped_models_hold_every_artifact_serving_loads() {
        assertThat(Path.of("models", ClassifierKind.INTENT_MODEL)).isRegularFile();
        assertThat(Path.of("models", Models.FAQ_INDEX)).isDirectory();
        assertThat(Path.of("models", Models.SYNONYMS)).hasSameBinaryContentAs(Path.of("corpus", Models.SYNONYMS));
    }
}
