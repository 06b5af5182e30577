package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the shaded {@code target/kefu.jar} as a separate process, the way the README does. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "kefu.jar");

    private record Run(int code, String out, String err) {
    }

    private static Run java(String stdin, String... args) throws IOException, InterruptedException {
        return java(List.of(), stdin, args);
    }

    private static Run java(List<String> jvmOptions, String stdin, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void piped_chat_answers_each_line_from_the_shipped_models() throws Exception {
        assertThat(JAR).exists();
        Run run = java("退款多久到账\n我的账号被盗了\n转人工\n", "chat", "--trace");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 至 5 个工作日", "[answer refund_time", "[answer account_stolen",
                "[handoff human_agent");
    }

    /**
     * The build ran {@code serve --self-test} to write the class-data-sharing archive; a server
     * started with it (the README's first command) maps its classes from there. {@code -Xshare:on}
     * makes java fail instead of falling back when the archive does not fit this jar.
     */
    @Test
    void serve_starts_from_the_classes_the_build_archived_and_passes_its_self_test() throws Exception {
        Path archive = Path.of("target", "kefu.jsa");
        assertThat(archive).as("written at package time by the class-data-sharing execution").exists();
        Run run = java(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"), "",
                "serve", "--self-test");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("self-test passed: POST /api/messages 退款多久到账 answered", "GET /health 200");
        assertThat(run.out().lines().filter(l -> l.contains("source: shared objects file (top)")).count())
                .as("classes mapped from the build's archive").isGreaterThan(1_000);
    }

    @Test
    void the_hotline_setting_reaches_the_answers() throws Exception {
        Run run = java("客服电话是多少\n", "chat", "--hotline", "400-000-0000 (测试)");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("400-000-0000 (测试)");
    }

    @Test
    void a_clarify_question_lists_its_options_once() throws Exception {
        Run run = java("可以转账给没有实名的用户吗\n", "chat", "--trace");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("[clarify ");
        List<String> options = run.out().lines().filter(l -> l.matches("\\d\\. .*")).map(l -> l.substring(3)).toList();
        assertThat(options).hasSizeGreaterThanOrEqualTo(2);
        assertThat(options).allSatisfy(option -> assertThat(run.out().split(java.util.regex.Pattern.quote(option), -1))
                .as(option).hasSize(2));
    }

    @Test
    void train_and_eval_write_plain_lines_and_no_carriage_return_to_a_stderr_that_is_not_a_terminal() throws Exception {
        Path dir = Files.createTempDirectory("kefu-no-tty");
        Path corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        Run train = java("", "train", "--corpus", corpus.toString(), "--out", dir.resolve("models").toString());
        assertThat(train.code()).as(train.err()).isZero();
        Path data = Files.writeString(dir.resolve("eval.tsv"), "refund_time\t退款多久到账\nhuman_agent\t转人工\n");
        Run eval = java("", "eval", "--data", data.toString(), "--models", dir.resolve("models").toString(),
                "--corpus", corpus.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(train.err() + eval.err()).doesNotContain("\r");
        assertThat(train.err()).containsPattern("(?m)^train \\d+/\\d+ in \\d+\\.\\d s$");
        assertThat(eval.err()).containsPattern("(?m)^eval \\d+/\\d+ in \\d+\\.\\d s$");
    }

    @Test
    void usage_errors_exit_with_2_and_print_usage() throws Exception {
        Run run = java("", "chat", "--no-such-option");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--no-such-option'", "usage: java -jar target/kefu.jar chat");
        assertThat(java("").code()).isEqualTo(2);
    }

    @Test
    void bench_prints_throughput_as_json() throws Exception {
        Run run = java("", "bench", "--seconds", "1", "--warmup", "0", "--threads", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"throughput_per_s\"", "\"p99\"");
    }

    @Test
    void models_missing_from_the_working_directory_say_to_train() throws Exception {
        Path empty = Files.createTempDirectory("kefu-no-models");
        Run run = java("", "chat", "--models", empty.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("run `java -jar target/kefu.jar train`");
    }
}
