package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.LabeledCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/** The commands end to end on a tiny corpus trained into a temporary directory. */
class TrainAndChatTest {
    @TempDir
    Path dir;
    private Path corpus;
    private Path models;

    @BeforeEach
    void train() throws IOException {
        corpus = TinyCorpus.copyTo(dir.resolve("corpus"));
        models = dir.resolve("models");

        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--out", models.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("indexed 10 FAQ entries");
        int lines = LabeledCorpus.read(corpus.resolve("intents.tsv")).size();
        int steps = 2 * (lines + 1);
        assertThat(run.err()).as("progress off a terminal: one line for the stage; for each of the ensemble's two"
                        + " members one step per line and one for fitting")
                .contains("train " + steps + "/" + steps + " in ").doesNotContain("\r");
    }

    @Test
    void train_writes_the_model_the_index_the_synonyms_and_a_fresh_manifest() {
        assertThat(models.resolve("intent.bin")).isRegularFile();
        assertThat(models.resolve("faq-index")).isDirectory();
        assertThat(models.resolve("faq-index.new")).doesNotExist();
        assertThat(models.resolve("synonyms.txt")).hasSameBinaryContentAs(corpus.resolve("synonyms.txt"));
        assertThat(ModelManifest.read(models).staleAgainst(corpus)).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void chat_on_a_terminal_edits_lines_and_the_up_arrow_recalls_the_last_one() throws IOException {
        ChatEngine engine = Models.load(models, corpus).engine(Thresholds.DEFAULT, null);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        List<String> received = new java.util.ArrayList<>();
        // typed: a message with a typo fixed by Left, Backspace, Right, Backspace; Enter; Up, Enter; Ctrl-D. The arrows
        // as an xterm sends them once JLine has switched it to keypad mode (ESC O A), as it does for every line
        byte[] typed = "退款多久到帐\u001bOD\u007f到账\u001bOC\u007f\r\u001bOA\r\u0004".getBytes(StandardCharsets.UTF_8);
        // a terminal over plain streams (JLine would otherwise open a pseudo-terminal of the machine)
        try (Terminal terminal = new ExternalTerminal("test", "xterm", new Keyboard(typed), screen, StandardCharsets.UTF_8);
             PrintStream out = new PrintStream(replies, true, StandardCharsets.UTF_8)) {
            ChatCommand.Lines editor = ChatCommand.editor(terminal);
            ChatCommand.converse(engine, () -> {
                String line = editor.next();
                if (line != null) {
                    received.add(line);
                }
                return line;
            }, true, out);
        }
        assertThat(received).containsExactly("退款多久到账", "退款多久到账");
        String printed = replies.toString(StandardCharsets.UTF_8);
        assertThat(printed.split("\\[answer ", -1)).as(printed).hasSize(3);
    }

    /** Keys typed at a terminal: the bytes, then nothing more until the terminal is closed (no end of input). */
    private static final class Keyboard extends java.io.InputStream {
        private final ByteArrayInputStream keys;
        private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

        Keyboard(byte[] typed) {
            keys = new ByteArrayInputStream(typed);
        }

        @Override
        public int read() throws IOException {
            int key = keys.read();
            if (key >= 0) {
                return key;
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        /** What is typed at once, without waiting for more (InputStream's own would wait to fill {@code len}). */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return keys.available() > 0 ? keys.read(buffer, offset, length) : read() < 0 ? -1 : 0;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void after_a_handoff_chat_says_in_one_line_that_the_conversation_is_with_a_person() {
        CliRun run = CliRun.withInput("转人工\n在吗\n/new\n退款多久到账\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] blocks = run.out().split(System.lineSeparator() + System.lineSeparator());
        assertThat(blocks[0].lines().filter(l -> l.contains("已为您转人工客服；终端 chat 里没有人工客服"))).as(blocks[0]).hasSize(1);
        assertThat(blocks).as("no blank reply").allSatisfy(block -> assertThat(block).isNotBlank());
        assertThat(run.out()).contains("已开始新对话").contains(TinyCorpus.REFUND_ANSWER);
    }

    @Test
    void chat_answers_from_the_trained_faq() {
        CliRun run = CliRun.withInput("退款多久到账\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString(), "--trace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(TinyCorpus.REFUND_ANSWER).contains("[answer refund_time");
    }

    @Test
    void chat_replies_once_per_input_line() {
        CliRun run = CliRun.withInput("退款多久到账\n\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString(), "--trace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsOnlyOnce("[answer refund_time").containsOnlyOnce("[fallback null");
    }

    @Test
    void chat_puts_the_hotline_setting_into_answers() {
        CliRun run = CliRun.withInput("热线号码多少\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString(), "--hotline", "95188");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("客服热线：95188。").doesNotContain("{hotline}");
    }

    @Test
    void chat_refuses_models_trained_from_an_older_faq() throws IOException {
        Path faq = corpus.resolve("faq.txt");
        Files.writeString(faq, Files.readString(faq).replace("即时到账", "立即到账"), StandardCharsets.UTF_8);

        CliRun run = CliRun.withInput("退款多久到账\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("stale").contains(faq.toString())
                .contains("run `java -jar target/kefu.jar train`");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void training_again_on_the_changed_corpus_makes_the_models_fresh() throws IOException {
        Path faq = corpus.resolve("faq.txt");
        Files.writeString(faq, Files.readString(faq).replace("即时到账", "立即到账"), StandardCharsets.UTF_8);

        CliRun train = CliRun.of("train", "--corpus", corpus.toString(), "--out", models.toString());
        CliRun chat = CliRun.withInput("退款多久到账\n", "chat", "--models", models.toString(),
                "--corpus", corpus.toString());

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("1. 余额：立即到账；");
    }

    @Test
    void eval_writes_a_json_report_with_the_documented_keys() throws IOException {
        Path data = dir.resolve("eval.tsv");
        Files.writeString(data, "refund_time\t退款多久到账\nhuman_agent\t转人工\noos\t今天天气怎么样\n");
        Path json = dir.resolve("report/eval.json");

        CliRun run = CliRun.of("eval", "--data", data.toString(), "--models", models.toString(),
                "--corpus", corpus.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("n 3");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("n").asInt()).isEqualTo(3);
        for (String key : new String[] {"accuracy", "macro_f1", "e2e_accuracy", "oos_recall",
            "auto_answer_precision", "coverage", "per_label", "confusion", "threshold_sweep", "latency_us",
            "throughput_per_s"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("per_label").get("refund_time").has("support")).isTrue();
        assertThat(report.get("threshold_sweep").get(0).has("coverage")).isTrue();
        assertThat(report.get("latency_us").has("p50")).isTrue();
        assertThat(report.get("latency_us").has("p99")).isTrue();
    }

    @Test
    void eval_with_train_scores_the_classifier_alone() throws IOException {
        Path data = dir.resolve("eval.tsv");
        Files.writeString(data, "refund_time\t退款多久到账\ngreeting\t你好\n");
        Path json = dir.resolve("eval.json");

        CliRun run = CliRun.of("eval", "--train", corpus.resolve("intents.tsv").toString(), "--data", data.toString(),
                "--corpus", corpus.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("n").asInt()).isEqualTo(2);
        assertThat(report.get("e2e_accuracy").isNull()).isTrue();
        assertThat(report.get("per_label").has("refund_time")).isTrue();
    }

    @Test
    void eval_cross_validates_the_pipeline_on_the_corpus() {
        CliRun run = CliRun.of("eval", "--cv", "2", "--models", models.toString(), "--corpus", corpus.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2-fold cross-validation").contains("end to end");
    }

    @Test
    void eval_writes_an_html_report_for_the_pipeline_and_for_the_classifier_alone() throws IOException {
        Path data = dir.resolve("eval.tsv");
        Files.writeString(data, "refund_time\t退款多久到账<script>\nhuman_agent\t转人工\noos\t今天天气怎么样\n");

        CliRun pipeline = CliRun.of("eval", "--data", data.toString(), "--models", models.toString(),
                "--corpus", corpus.toString(), "--html", dir.resolve("html/pipeline.html").toString());
        CliRun alone = CliRun.of("eval", "--train", corpus.resolve("intents.tsv").toString(), "--data", data.toString(),
                "--corpus", corpus.toString(), "--classifier", "liblinear", "--html", dir.resolve("alone.html").toString());

        assertThat(pipeline.exitCode()).as(pipeline.err()).isZero();
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(Files.readString(dir.resolve("html/pipeline.html"))).contains("<svg", "full pipeline")
                .doesNotContain("<script>");
        assertThat(Files.readString(dir.resolve("alone.html"))).contains("<svg", "liblinear classifier alone");
    }

    @Test
    void eval_trains_the_classifier_with_sentence_vectors_on_a_training_file() throws IOException {
        Path data = dir.resolve("bge.tsv");
        Files.writeString(data, "refund_time\t退款还要等几天\nforgot_password\t密码不记得了\n");
        Path json = dir.resolve("bge.json");

        CliRun run = CliRun.of("eval", "--train", corpus.resolve("intents.tsv").toString(), "--data", data.toString(),
                "--corpus", corpus.toString(), "--classifier", "liblinear-bge", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("intent accuracy 1.000");
        assertThat(run.err()).contains("train ").contains("eval 2/2 in ").doesNotContain("\r");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void eval_cross_validates_the_classifier_alone_on_a_training_file() {
        CliRun run = CliRun.of("eval", "--cv", "2", "--train", corpus.resolve("intents.tsv").toString(),
                "--corpus", corpus.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2-fold cross-validation").contains("classifier alone")
                .contains("intent accuracy").doesNotContain("end to end");
    }

    @Test
    void an_unknown_classifier_is_a_usage_error() {
        CliRun run = CliRun.of("eval", "--classifier", "svm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--classifier must be opennlp, liblinear, ensemble or liblinear-bge, was svm");
    }

    @Test
    void bench_measures_the_classifier_alone_on_one_thread_as_json() {
        CliRun run = CliRun.of("bench", "--train", corpus.resolve("intents.tsv").toString(), "--data",
                corpus.resolve("intents.tsv").toString(), "--corpus", corpus.toString(), "--threads", "1",
                "--seconds", "1", "--warmup", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"mode\" : \"classifier\"", "\"train_ms\"", "\"heap_used_mb\"", "\"p99\"");
        assertThat(run.err()).contains("messages/s").contains("training");
    }
}
