package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.intent.maxent.TrainingSettings;
import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {
    private static final Map<String, String> SETTINGS = TrainingSettings.DEFAULT.describe();

    @TempDir
    Path dir;

    @Test
    void the_same_corpus_gives_the_same_manifest() throws IOException {
        Path a = TinyCorpus.copyTo(dir.resolve("a"));
        Path b = TinyCorpus.copyTo(dir.resolve("b"));

        assertThat(ModelManifest.of(a, SETTINGS)).isEqualTo(ModelManifest.of(b, SETTINGS));
        assertThat(ModelManifest.of(a, SETTINGS).corpusSha256()).containsOnlyKeys(ModelManifest.CORPUS_FILES);
    }

    @Test
    void the_version_the_decision_log_names_follows_the_corpus_and_the_settings() throws IOException {
        Path a = TinyCorpus.copyTo(dir.resolve("a"));
        Path b = TinyCorpus.copyTo(dir.resolve("b"));
        String version = ModelManifest.of(a, SETTINGS).version();
        assertThat(version).matches("corpus-[0-9a-f]{12} \\S+/\\S+");
        assertThat(ModelManifest.of(b, SETTINGS).version()).isEqualTo(version);
        Files.writeString(b.resolve("faq.txt"), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(ModelManifest.of(b, SETTINGS).version()).isNotEqualTo(version);
        assertThat(ModelManifest.read(Path.of("models")).version()).endsWith(" ensemble/learned-bge");
    }

    @Test
    void the_same_corpus_writes_byte_identical_manifests() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));

        ModelManifest.of(corpus, SETTINGS).write(first);
        ModelManifest.of(corpus, SETTINGS).write(second);

        assertThat(first.resolve(ModelManifest.FILE)).hasSameBinaryContentAs(second.resolve(ModelManifest.FILE));
    }

    @Test
    void a_changed_file_changes_its_hash_only() throws IOException {
        Path a = TinyCorpus.copyTo(dir.resolve("a"));
        Path b = TinyCorpus.copyTo(dir.resolve("b"));
        Files.writeString(b.resolve("faq.txt"), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Map<String, String> before = ModelManifest.of(a, SETTINGS).corpusSha256();
        Map<String, String> after = ModelManifest.of(b, SETTINGS).corpusSha256();

        assertThat(after.get("faq.txt")).isNotEqualTo(before.get("faq.txt"));
        assertThat(after.get("intents.tsv")).isEqualTo(before.get("intents.tsv"));
        assertThat(after.get("synonyms.txt")).isEqualTo(before.get("synonyms.txt"));
    }

    @Test
    void a_written_manifest_reads_back_equal() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        ModelManifest manifest = ModelManifest.of(corpus, Map.of("features", "words, char 1-3-grams of ^text$",
                "path", "C:\\models", "note", "中文"));

        manifest.write(dir);

        assertThat(ModelManifest.read(dir)).isEqualTo(manifest);
    }

    @Test
    void an_unchanged_corpus_is_not_stale() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        ModelManifest.of(corpus, SETTINGS).write(dir);

        assertThat(ModelManifest.read(dir).staleAgainst(corpus)).isEmpty();
    }

    @Test
    void stale_against_names_each_changed_file() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        ModelManifest manifest = ModelManifest.of(corpus, SETTINGS);
        Files.writeString(corpus.resolve("faq.txt"), Files.readString(corpus.resolve("faq.txt")) + "\n");

        assertThat(manifest.staleAgainst(corpus)).containsExactly(corpus.resolve("faq.txt").toString());

        Files.writeString(corpus.resolve("synonyms.txt"), "钱,money\n");
        assertThat(manifest.staleAgainst(corpus))
                .containsExactly(corpus.resolve("faq.txt").toString(), corpus.resolve("synonyms.txt").toString());
    }

    @Test
    void a_manifest_without_a_file_hash_is_stale_for_that_file() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        ModelManifest.of(corpus, SETTINGS).write(dir);
        Path file = dir.resolve(ModelManifest.FILE);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^corpus\\.sha256\\.intents\\.tsv=.*\n", ""));

        assertThat(ModelManifest.read(dir).staleAgainst(corpus))
                .containsExactly(corpus.resolve("intents.tsv").toString());
    }

    @Test
    void a_missing_manifest_says_to_run_train() {
        assertThatThrownBy(() -> ModelManifest.read(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessage(dir.resolve(ModelManifest.FILE) + ": not found; run `java -jar target/kefu.jar train`");
    }

    @Test
    void a_corpus_missing_a_file_is_reported_by_name() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        ModelManifest manifest = ModelManifest.of(corpus, SETTINGS);
        Files.delete(corpus.resolve("synonyms.txt"));

        assertThatThrownBy(() -> manifest.staleAgainst(corpus))
                .isInstanceOf(CorpusException.class)
                .hasMessage(corpus.resolve("synonyms.txt") + ": file not found");
    }
}
