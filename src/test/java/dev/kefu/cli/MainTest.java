package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void no_arguments_is_a_usage_error_with_the_usage_on_stderr() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("usage: java -jar target/kefu.jar <command>");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void help_prints_the_usage_on_stdout_and_succeeds() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("usage: java -jar target/kefu.jar <command>").contains("train").contains("chat");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_of_a_command_prints_its_options() {
        CliRun run = CliRun.of("train", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("usage: java -jar target/kefu.jar train").contains("--corpus DIR");
    }

    @Test
    void an_unknown_command_is_a_usage_error_that_names_it() {
        CliRun run = CliRun.of("serv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'serv'").contains("usage:");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_the_command_usage() {
        CliRun run = CliRun.of("train", "--corpuss", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--corpuss'")
                .contains("usage: java -jar target/kefu.jar train");
    }

    @Test
    void a_database_kefu_cannot_use_is_a_usage_error() {
        CliRun run = CliRun.of("purge", "--conversation", "x", "--db", "jdbc:mysql://db/kefu");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--db must be a jdbc:sqlite: or jdbc:postgresql: URL")
                .contains("usage: java -jar target/kefu.jar purge");
    }

    @Test
    void an_option_without_its_value_is_a_usage_error() {
        CliRun run = CliRun.of("train", "--out");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out needs a value");
    }

    @Test
    void zero_bench_threads_is_a_usage_error_that_names_the_option_and_its_range() {
        CliRun run = CliRun.of("bench", "--threads", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--threads must be 1..256, was 0")
                .contains("usage: java -jar target/kefu.jar bench");
    }

    @Test
    void a_non_numeric_value_is_a_usage_error() {
        CliRun run = CliRun.of("eval", "--errors=many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--errors must be 0..100000, was many");
    }

    @Test
    void cross_validation_with_a_data_file_is_a_usage_error() {
        CliRun run = CliRun.of("eval", "--cv", "5", "--data", "corpus/eval.tsv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cv").contains("usage: java -jar target/kefu.jar eval");
    }

    @Test
    void a_target_precision_above_one_is_a_usage_error() {
        CliRun run = CliRun.of("eval", "--target-precision", "1.5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--target-precision must be a number in 0.0..1.0, was 1.5");
    }

    @Test
    void train_on_an_intents_line_without_a_tab_fails_with_the_file_and_line() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("intents.tsv"), "# intents\ngreeting\t你好\n退款多久到账\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("models");

        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(corpus.resolve("intents.tsv") + ":3: expected label<TAB>text, found no tab");
        assertThat(run.err()).doesNotContain("usage:").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void train_on_a_corpus_missing_a_required_intent_names_it() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        Path intents = corpus.resolve("intents.tsv");
        String withoutGoodbye = Files.readString(intents).replaceAll("(?m)^goodbye\t.*\n", "");
        Files.writeString(intents, withoutGoodbye);

        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--out", dir.resolve("models").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("intents.tsv: no examples of the required intents [goodbye]");
    }

    @Test
    void train_on_a_faq_entry_with_an_unknown_intent_fails_with_the_faq_line() throws IOException {
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        Path faq = corpus.resolve("faq.txt");
        Files.writeString(faq, Files.readString(faq).replace("intent: refund_time", "intent: refunds"));

        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--out", dir.resolve("models").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("faq\\.txt:\\d+: unknown intent 'refunds'");
    }

    @Test
    void chat_without_trained_models_fails_and_says_to_run_train() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("models"));

        CliRun run = CliRun.withInput("退款多久到账\n", "chat", "--models", empty.toString(),
                "--corpus", dir.resolve("no-corpus").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(empty.resolve("manifest.properties").toString())
                .contains("run `java -jar target/kefu.jar train`");
        assertThat(run.out()).isEmpty();
    }
}
