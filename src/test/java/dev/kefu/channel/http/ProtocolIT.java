package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP done by the book: content types and encodings, methods, HEAD, strict JSON, CORS that refuses. */
class ProtocolIT {
    @TempDir
    Path dir;

    @Test
    void a_text_plain_post_from_a_forbidden_origin_is_refused_and_creates_nothing() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("a.db"), new HttpServer.Limits(0, 0,
                List.of("https://shop.example.com")))) {
            HttpResponse<String> forbidden = server.send(post(server, "/api/messages", "{\"text\": \"转人工\"}")
                    .header("Origin", "https://evil.example").header("Content-Type", "text/plain"));
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.body()).contains("\"error\"");
            HttpResponse<String> plain = server.send(post(server, "/api/messages", "{\"text\": \"转人工\"}")
                    .header("Content-Type", "text/plain"));
            assertThat(plain.statusCode()).isEqualTo(415);
            long conversations = server.db().read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM conversations")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            assertThat(conversations).isZero();
            HttpResponse<String> ownPage = server.send(post(server, "/api/messages", "{\"text\": \"你好\"}")
                    .header("Origin", server.base).header("Content-Type", "application/json"));
            assertThat(ownPage.statusCode()).as("the demo page's own origin").isEqualTo(200);
        }
    }

    @Test
    void a_405_says_which_methods_the_path_has_and_head_answers_like_get_without_a_body() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("b.db"))) {
            HttpResponse<String> delete = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/messages"))
                    .DELETE());
            assertThat(delete.statusCode()).isEqualTo(405);
            assertThat(delete.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
            assertThat(delete.body()).contains("\"error\"");
            HttpResponse<String> head = server.send(HttpRequest.newBuilder(URI.create(server.base + "/health"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void an_encoding_kefu_does_not_decode_is_415_and_json_with_trailing_data_or_duplicate_keys_is_400() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("c.db"))) {
            assertThat(server.send(post(server, "/api/messages", "{\"text\": \"你好\"}").header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip")).statusCode()).isEqualTo(415);
            for (String body : List.of("{\"text\": \"你好\"} {\"text\": \"转人工\"}", "{\"text\": \"你好\"}]",
                    "{\"text\": \"你好\", \"text\": \"转人工\"}")) {
                HttpResponse<String> response = server.post("/api/messages", body);
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(response.body()).contains("\"error\"");
            }
        }
    }

    @Test
    void a_lone_surrogate_is_refused_rather_than_stored_as_a_question_mark() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("d.db"))) {
            HttpResponse<String> lone = server.post("/api/messages", "{\"text\": \"退款\\ud800到账\"}");
            assertThat(lone.statusCode()).isEqualTo(400);
            assertThat(lone.body()).contains("surrogate");
            assertThat(server.post("/api/messages", "{\"text\": \"退款\\ud83d\\ude00到账\"}").statusCode())
                    .as("a whole pair is a character").isEqualTo(200);
        }
    }

    private static HttpRequest.Builder post(TestServer server, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
