package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.intent.linear.LiblinearModelFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --classifier liblinear-bge} writes models that {@code serve} loads, and a reload switches kinds. */
class ServedClassifierIT {
    private static final Pattern READY = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> message(String base, String text) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")));
    }

    @Test
    void the_server_answers_with_the_trained_sentence_vector_classifier_and_reloads_another_kind(@TempDir Path dir)
            throws Exception {
        Path models = dir.resolve("models");
        CliRun train = CliRun.of("train", "--out", models.toString(), "--classifier", "liblinear-bge");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("(liblinear-bge)");
        assertThat(models.resolve(ClassifierKind.INTENT_MODEL)).doesNotExist();
        assertThat(Files.readString(models.resolve(ModelManifest.FILE))).contains("training.classifier=liblinear-bge");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", "target/kefu.jar", "serve", "--port", "0",
                "--models", models.toString(), "--db", "jdbc:sqlite:" + dir.resolve("kefu.db"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KEFU_AGENT_TOKEN", "served-classifier-test");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null && base == null; line = out.readLine()) {
                Matcher ready = READY.matcher(line);
                base = ready.find() ? ready.group(1) : null;
            }
            assertThat(base).isNotNull();
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))).body())
                    .contains("\"classifier\":\"liblinear-bge\"");
            assertThat(message(base, "退款多久到账").body()).contains("\"intent\":\"refund_time\"");
            assertThat(message(base, "忘记密码了怎么办").body()).contains("\"intent\":\"forgot_password\"");

            CliRun back = CliRun.of("train", "--out", models.toString());
            assertThat(back.exitCode()).as(back.err()).isZero();
            assertThat(models.resolve(ClassifierKind.INTENT_MODEL)).isRegularFile();
            for (String name : LiblinearModelFiles.FILES) {
                assertThat(models.resolve(name)).doesNotExist();
            }
            HttpResponse<String> reload = send(HttpRequest.newBuilder(URI.create(base + "/api/agent/reload"))
                    .header("Authorization", "Bearer served-classifier-test").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))).body())
                    .contains("\"classifier\":\"opennlp\"");
            assertThat(message(base, "退款多久到账").body()).contains("\"intent\":\"refund_time\"");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void the_ensemble_cannot_be_written_to_models() {
        CliRun run = CliRun.of("train", "--out", "target/never-written", "--classifier", "ensemble");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--classifier must be opennlp, liblinear or liblinear-bge, was ensemble");
        assertThat(Path.of("target/never-written")).doesNotExist();
    }
}
