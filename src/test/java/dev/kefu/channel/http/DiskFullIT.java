package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the SQLite file fills up while kefu runs: turns get a clear 503, the health check
 * reports it (reads still work, so it probes with a write), nothing acknowledged is lost, and
 * kefu serves again once space is freed, without a restart. The disk is a real 16 MB tmpfs
 * mounted for the test (needs root; skipped where mounting is not allowed).
 */
class DiskFullIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** Writes {@code filler} until the disk refuses. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("space")) {
                throw e;
            }
        }
    }

    @Test
    void a_full_disk_gives_503_loses_nothing_and_kefu_recovers_when_space_is_freed(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString()) == 0,
                "cannot mount a tmpfs here (not root, or not allowed)");
        try {
            try (KefuProcess kefu = KefuProcess.start(dir, Map.of(), List.of("--db", "jdbc:sqlite:" + disk.resolve("kefu.db"),
                    // the test reads back every transcript it was acknowledged: the per-IP limit is not what it tests
                    "--rate-limit", "0"))) {
                HttpResponse<String> first = kefu.say(null, "退款多久到账");
                assertThat(first.statusCode()).isEqualTo(200);
                String id = JSON.readTree(first.body()).get("conversationId").asText();

                Path filler = disk.resolve("filler");
                fill(filler);
                // SQLite may still fit a few turns in space it already holds (a restarted WAL, free
                // pages); new conversations grow the file until a write finds no space
                List<String> acknowledged = new java.util.ArrayList<>();
                HttpResponse<String> full = null;
                for (int i = 0; i < 500 && full == null; i++) {
                    HttpResponse<String> turn = kefu.say(null, "退款多久到账，订单 " + i);
                    if (turn.statusCode() == 200) {
                        acknowledged.add(JSON.readTree(turn.body()).get("conversationId").asText());
                    } else {
                        full = turn;
                    }
                }
                assertThat(full).as("a write failed once the disk was full").isNotNull();
                assertThat(full.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(full.body()).get("error").asText()).contains("storage");
                assertThat(full.body()).doesNotContain("Exception").doesNotContain("SQLITE");
                HttpResponse<String> unhealthy = kefu.get("health");
                assertThat(unhealthy.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(unhealthy.body()).get("database").asText()).isEqualTo("unavailable");

                Files.delete(filler);
                assertThat(kefu.get("health").statusCode()).isEqualTo(200);
                HttpResponse<String> after = kefu.say(id, "忘记密码了");
                assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
                JsonNode transcript = JSON.readTree(kefu.get("api/conversations/" + id + "/messages").body()).get("messages");
                assertThat(transcript).hasSize(4);
                assertThat(transcript.get(0).get("text").asText()).isEqualTo("退款多久到账");
                assertThat(transcript.get(2).get("text").asText()).isEqualTo("忘记密码了");
                for (String acked : acknowledged) { // every turn answered 200 while the disk filled up is there
                    assertThat(kefu.get("api/conversations/" + acked + "/messages").statusCode()).isEqualTo(200);
                }
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }
}
