package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload with broken models keeps the running ones; a reload with good models swaps them in. */
class ReloadIT {
    private static final Pattern READY = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", "target/kefu.jar", "serve", "--port", "0",
                "--models", models.toString(), "--db", "jdbc:sqlite:" + dir.resolve("kefu.db"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KEFU_AGENT_TOKEN", "reload-test");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null && base == null; line = out.readLine()) {
                Matcher ready = READY.matcher(line);
                base = ready.find() ? ready.group(1) : null;
            }
            assertThat(base).isNotNull();
            byte[] good = Files.readAllBytes(models.resolve("intent.bin"));
            Files.writeString(models.resolve("intent.bin"), "not a model");
            HttpRequest.Builder reload = HttpRequest.newBuilder(URI.create(base + "/api/agent/reload"))
                    .header("Authorization", "Bearer reload-test").POST(HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> refused = send(reload);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("the running ones stay").contains("train");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"退款多久到账\"}")));
            assertThat(answer.body()).contains("\"intent\":\"refund_time\"");
            Files.write(models.resolve("intent.bin"), good);
            assertThat(send(reload).statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
