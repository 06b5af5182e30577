package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.channel.http.KefuProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload with broken models keeps the running ones; a reload with good models swaps them in. */
class ReloadIT {
    private static final String TOKEN = "reload-test";

    @Test
    void broken_models_are_refused_and_the_running_ones_keep_answering(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        try (Stream<Path> files = Files.walk(Path.of("models"))) {
            for (Path from : files.toList()) {
                Path to = models.resolve(Path.of("models").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (KefuProcess kefu = KefuProcess.start(dir, Map.of("KEFU_AGENT_TOKEN", TOKEN),
                List.of("--models", models.toString()))) {
            HttpRequest reload = HttpRequest.newBuilder(URI.create(kefu.url() + "api/agent/reload"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpClient http = HttpClient.newHttpClient();
            byte[] good = Files.readAllBytes(models.resolve("intent.bin"));
            Files.writeString(models.resolve("intent.bin"), "not a model");

            HttpResponse<String> refused = http.send(reload, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("the running ones stay").contains("train");
            assertThat(kefu.say(null, "退款多久到账").body()).contains("\"intent\":\"refund_time\"");

            Files.write(models.resolve("intent.bin"), good);
            assertThat(http.send(reload, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
