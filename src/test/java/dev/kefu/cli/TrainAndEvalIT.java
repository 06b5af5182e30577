package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.Evaluator;
import dev.kefu.intent.LabeledCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on the shipped corpus from scratch and holds the pipeline to the quality floor on the
 * held-out {@code corpus/eval.tsv}; also checks that training reproduces the committed model.
 */
class TrainAndEvalIT {
    @Test
    void training_on_the_corpus_meets_the_eval_floor(@TempDir Path models) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", "--out", models.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Models loaded = Models.load(models, Path.of("corpus"));
        EvalReport report = new Evaluator(t -> loaded.engine(t, null), Thresholds.DEFAULT)
                .run(LabeledCorpus.read(Path.of("corpus/eval.tsv")), Evaluator.Progress.none());
        assertThat(report.e2eAccuracy()).as("e2e_accuracy").isGreaterThanOrEqualTo(0.92);
        assertThat(report.oosRecall()).as("oos_recall").isGreaterThanOrEqualTo(0.90);
        assertThat(report.autoAnswerPrecision()).as("auto_answer_precision").isGreaterThanOrEqualTo(0.95);

        assertThat(Files.readAllBytes(models.resolve(ClassifierKind.INTENT_MODEL)))
                .as("models/intent.bin differs from a fresh training: run `java -jar target/kefu.jar train` and commit models/")
                .isEqualTo(Files.readAllBytes(Path.of("models", ClassifierKind.INTENT_MODEL)));
    }
}
