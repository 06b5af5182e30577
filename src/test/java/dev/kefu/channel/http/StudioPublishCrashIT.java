package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.cli.Main;
import dev.kefu.store.Database;
import dev.kefu.store.PostgresServer;
import dev.kefu.store.SqlVersionStore;
import dev.kefu.studio.version.KbVersion;
import dev.kefu.studio.version.Publication;
import dev.kefu.studio.version.VersionReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the instance that publishes, at moments spread over the publish request:
 * afterwards the pointer names one version, every instance (the survivor at once, the killed one
 * when it is started again) serves exactly that version, complete, and answers with it. The two
 * versions are the shipped models stored as versions, so no training is needed.
 */
class StudioPublishCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "studio-crash-password";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void a_publish_killed_at_any_moment_leaves_every_instance_on_one_complete_version() throws Exception {
        String url = PostgresServer.shared().newDatabase() + "?user=" + PostgresServer.USER + "&password="
                + PostgresServer.PASSWORD;
        cli("corpus", "import", "--dir", "corpus", "--db", url);
        cli("agents", "add", "--login", "wang", "--name", "王经理", "--role", "admin", "--db", url);
        long[] versions = new long[2];
        try (Database db = Database.open(url)) {
            SqlVersionStore store = new SqlVersionStore(db);
            for (int i = 0; i < 2; i++) {
                KbVersion version = store.create(0, "wang", "the shipped models", Instant.now());
                store.finish(version.id(), new VersionReport(0.8, 0.9, 0.85, null, List.of(), List.of()), files(),
                        Instant.now());
                versions[i] = version.id();
            }
        }
        List<String> options = List.of("--db", url);
        KefuProcess a = KefuProcess.start(Files.createDirectories(dir.resolve("a")), Map.of(), options);
        try (KefuProcess b = KefuProcess.start(Files.createDirectories(dir.resolve("b")), Map.of(), options)) {
            publish(a, login(a), versions[0]);
            awaitVersion(a, versions[0]);
            awaitVersion(b, versions[0]);
            for (int round = 0; round < 4; round++) {
                long target = versions[(round + 1) % 2];
                String cookie = login(a);
                KefuProcess publisher = a;
                Thread publish = new Thread(() -> publish(publisher, cookie, target));
                publish.start();
                Thread.sleep(round * 150L); // from before the request arrives to after it was answered
                a.kill();
                publish.join();
                long published = pointer(url);
                assertThat(published).isIn(versions[0], versions[1]);
                awaitVersion(b, published);
                a = KefuProcess.start(dir.resolve("a"), Map.of(), options);
                awaitVersion(a, published);
                for (KefuProcess instance : List.of(a, b)) {
                    JsonNode reply = JSON.readTree(instance.say(null, "退款多久到账").body());
                    assertThat(reply.get("action").asText()).isEqualTo("answer");
                }
            }
        } finally {
            a.close();
        }
    }

    /** The shipped models and corpus, as a version holds them. */
    private static Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        Path models = Path.of("models");
        try (Stream<Path> paths = Files.walk(models)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(models.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        for (String name : List.of("faq.txt", "intents.tsv", "synonyms.txt", "eval.tsv")) {
            files.put("corpus/" + name, Files.readAllBytes(Path.of("corpus", name)));
        }
        return files;
    }

    private static long pointer(String url) {
        try (Database db = Database.open(url)) {
            return new SqlVersionStore(db).published().map(Publication::versionId).orElse(0L);
        }
    }

    private String login(KefuProcess server) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"wang\", \"password\": \"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';')) + "\n" + JSON.readTree(login.body()).get("csrfToken").asText();
    }

    /** Publishes {@code id} on {@code server}; the answer may never come (the process is killed). */
    private void publish(KefuProcess server, String session, long id) {
        String[] parts = session.split("\n");
        try {
            http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/studio/versions/" + id + "/publish"))
                    .header("Cookie", parts[0]).header(AgentAuth.CSRF_HEADER, parts[1])
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            // the connection died with the process: what counts is what the database says
        }
    }

    private static void awaitVersion(KefuProcess instance, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode health = JSON.readTree(instance.get("health").body());
            String version = health.get("model").get("version").asText();
            if (version.equals(String.valueOf(id))) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("instance serves version " + version + ", the pointer names " + id);
            }
            Thread.sleep(200); // polling another process's /health
        }
    }

    private static void cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
