package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kefu corpus import|export} over an SQLite file: the shipped corpus goes in and comes out byte for byte. */
class CorpusCommandTest {
    private static final List<String> FILES = List.of("faq.txt", "intents.tsv", "synonyms.txt", "eval.tsv");

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:sqlite:" + dir.resolve("kefu.db");
    }

    @Test
    void import_then_export_of_the_shipped_corpus_gives_identical_files() throws Exception {
        CliRun imported = CliRun.of("corpus", "import", "--dir", "corpus", "--db", db());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported corpus").contains("created");
        CliRun exported = CliRun.of("corpus", "export", "--dir", dir.resolve("out").toString(), "--db", db());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("out").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(Path.of("corpus", file)));
        }
        CliRun again = CliRun.of("corpus", "import", "--dir", dir.resolve("out").toString(), "--db", db());
        assertThat(again.out()).as("importing what was exported changes nothing").contains("(0 created, 0 changed, 0 removed)");
    }

    @Test
    void a_broken_file_is_refused_with_its_line_and_the_draft_stays() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String file : FILES) {
            Files.copy(Path.of("corpus", file), broken.resolve(file));
        }
        assertThat(CliRun.of("corpus", "import", "--dir", "corpus", "--db", db()).exitCode()).isZero();
        String faq = Files.readString(broken.resolve("faq.txt")).replaceFirst("intent: payment_failed", "intent: no_such");
        Files.writeString(broken.resolve("faq.txt"), faq);
        CliRun refused = CliRun.of("corpus", "import", "--dir", broken.toString(), "--db", db());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("faq.txt:7: unknown intent 'no_such'");
        CliRun exported = CliRun.of("corpus", "export", "--dir", dir.resolve("out").toString(), "--db", db());
        assertThat(exported.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("out").resolve("faq.txt"))).isEqualTo(Files.readString(Path.of("corpus/faq.txt")));
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(CliRun.of("corpus").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("corpus", "publish").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("corpus", "export", "--comment", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("corpus", "import", "--db", "mysql://x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("corpus", "--help").exitCode()).isZero();
    }

    @Test
    void exporting_an_empty_database_says_to_import_first() {
        CliRun run = CliRun.of("corpus", "export", "--dir", dir.resolve("out").toString(), "--db", db());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("corpus import first");
    }
}
