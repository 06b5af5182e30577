package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kefu.cli.Main;
import dev.kefu.store.Retention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting conversations: one on request, old ones by the retention setting. */
class RetentionIT {
    @TempDir
    Path dir;

    @Test
    void purging_a_conversation_removes_its_transcript_and_ticket_and_leaves_others() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("kefu.db"))) {
            String gone = server.say(null, "转人工").get("conversationId").asText();
            String kept = server.say(null, "退款多久到账").get("conversationId").asText();
            Retention retention = new Retention(server.db());
            assertThat(retention.purge(gone)).isTrue();
            assertThat(retention.purge(gone)).isFalse();
            assertThat(server.get("/api/conversations/" + gone + "/messages").statusCode()).isEqualTo(404);
            assertThat(server.get("/api/conversations/" + kept + "/messages").statusCode()).isEqualTo(200);
            assertThat(server.say(null, "转人工").get("handoff").get("position").asInt())
                    .as("the purged ticket no longer holds a place in the queue").isEqualTo(1);
        }
    }

    @Test
    void retention_deletes_only_conversations_silent_since_the_cutoff() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("kefu.db"))) {
            String old = server.say(null, "你好").get("conversationId").asText();
            Retention retention = new Retention(server.db());
            assertThat(retention.purgeOlderThan(Instant.now().minusSeconds(3600))).isZero();
            Thread.sleep(5); // the cutoff must be strictly after the last update
            assertThat(retention.purgeOlderThan(Instant.now())).isEqualTo(1);
            assertThat(server.get("/api/conversations/" + old + "/messages").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_conversation_that_got_a_turn_after_it_was_found_old_is_not_deleted() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("kefu.db"))) {
            String id = server.say(null, "你好").get("conversationId").asText();
            Thread.sleep(5);
            Instant cutoff = Instant.now();
            Thread.sleep(5);
            server.say(id, "退款多久到账"); // acknowledged after the purge listed the conversation as old

            assertThat(new Retention(server.db()).purgeIfStillOld(java.util.List.of(id), cutoff)).isZero();

            HttpResponse<String> transcript = server.get("/api/conversations/" + id + "/messages");
            assertThat(transcript.statusCode()).isEqualTo(200);
            assertThat(transcript.body()).contains("退款多久到账");
        }
    }

    @Test
    void after_a_purge_the_sqlite_file_and_its_wal_give_the_space_back() throws Exception {
        assumeTrue(!"postgresql".equals(System.getProperty("kefu.test.db")), "SQLite files only");
        Path file = dir.resolve("kefu.db");
        try (TestServer server = new TestServer(file)) {
            String text = "我的退款为什么还没有到账，已经等了很久了".repeat(20);
            for (int i = 0; i < 300; i++) {
                server.say(null, text);
            }
            server.db().giveBackFreeSpace();
            long before = Files.size(file);
            Thread.sleep(5);
            assertThat(new Retention(server.db()).purgeOlderThan(Instant.now())).isEqualTo(300);
            long after = Files.size(file);
            Path wal = dir.resolve("kefu.db-wal");
            System.out.printf("purge of 300 conversations: file %d -> %d bytes, WAL %d bytes%n", before, after,
                    Files.exists(wal) ? Files.size(wal) : 0);
            assertThat(after).isLessThan(before / 2);
            assertThat(Files.exists(wal) ? Files.size(wal) : 0).isLessThanOrEqualTo(4L * 1024 * 1024);
        }
    }

    @Test
    void the_purge_command_deletes_by_id_and_reports_unknown_ids() throws Exception {
        String id;
        Path db = dir.resolve("cli.db");
        try (TestServer server = new TestServer(db)) {
            id = server.say(null, "忘记密码了").get("conversationId").asText();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String url = TestServer.databaseUrl(db);
        assertThat(Main.run(new String[] {"purge", "--conversation", id, "--db", url}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deleted conversation " + id);
        assertThat(Main.run(new String[] {"purge", "--conversation", id, "--db", url}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(Main.run(new String[] {"purge", "--db", url}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
