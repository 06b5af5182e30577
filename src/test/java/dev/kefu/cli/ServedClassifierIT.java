package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.channel.http.KefuProcess;
import dev.kefu.intent.ensemble.EnsembleModelFiles;
import dev.kefu.intent.linear.LiblinearModelFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --classifier liblinear-bge} writes models that {@code serve} loads, and a reload
 * switches to the default kind (the ensemble).
 */
class ServedClassifierIT {
    private static final String TOKEN = "served-classifier-test";

    @Test
    void the_server_answers_with_the_trained_sentence_vector_classifier_and_reloads_another_kind(@TempDir Path dir)
            throws Exception {
        Path models = dir.resolve("models");
        CliRun train = CliRun.of("train", "--out", models.toString(), "--classifier", "liblinear-bge");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("(liblinear-bge)");
        assertThat(models.resolve(ClassifierKind.INTENT_MODEL)).doesNotExist();
        assertThat(Files.readString(models.resolve(ModelManifest.FILE))).contains("training.classifier=liblinear-bge");

        try (KefuProcess kefu = KefuProcess.start(dir, Map.of("KEFU_AGENT_TOKEN", TOKEN),
                List.of("--models", models.toString()))) {
            assertThat(kefu.get("health").body()).contains("\"classifier\":\"liblinear-bge\"");
            assertThat(kefu.say(null, "退款多久到账").body()).contains("\"intent\":\"refund_time\"");
            assertThat(kefu.say(null, "忘记密码了怎么办").body()).contains("\"intent\":\"forgot_password\"");

            CliRun back = CliRun.of("train", "--out", models.toString());
            assertThat(back.exitCode()).as(back.err()).isZero();
            assertThat(back.out()).contains("(ensemble)");
            assertThat(models.resolve(ClassifierKind.INTENT_MODEL)).isRegularFile();
            assertThat(models.resolve(EnsembleModelFiles.SETTINGS)).isRegularFile();
            assertThat(Files.readString(models.resolve(LiblinearModelFiles.SETTINGS))).contains("sentences=none");
            HttpResponse<String> reload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(kefu.url() + "api/agent/reload")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(kefu.get("health").body()).contains("\"classifier\":\"ensemble\"");
            assertThat(kefu.say(null, "退款多久到账").body()).contains("\"intent\":\"refund_time\"");
        }
    }
}
