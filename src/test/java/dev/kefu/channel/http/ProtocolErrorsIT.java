package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed HTTP: Jetty's own errors and the client-caused failures are JSON 4xx with the security headers, never 500. */
class ProtocolErrorsIT {
    @TempDir
    Path dir;
    private TestServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("kefu.db"));
        port = Integer.parseInt(server.base.substring(server.base.lastIndexOf(':') + 1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_bad_percent_escape_in_a_path_parameter_is_400() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /api/conversations/%u0041/messages HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    @Test
    void a_malformed_chunk_size_is_400() throws Exception {
        assertJsonError(RawHttp.exchange(port, "POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"text\":\"hi\"}\r\n0\r\n\r\n"), 400);
    }

    @Test
    void a_control_byte_in_the_path_is_a_json_400() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /api/\u0001x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void headers_too_large_are_a_json_431() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 431);
    }

    @Test
    void an_unknown_http_version_is_a_json_505() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /health HTTP/7.0\r\nHost: x\r\nConnection: close\r\n\r\n"), 505);
    }

    @Test
    void a_client_that_aborts_mid_body_does_not_break_the_server() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"text\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(server.get("/metrics").body()).doesNotContain("status=\"500\"");
    }

    private static void assertJsonError(String response, int status) {
        assertThat(RawHttp.status(response)).as(response).isEqualTo(status);
        assertThat(response).containsIgnoringCase("Content-Type: application/json")
                .containsIgnoringCase("X-Content-Type-Options: nosniff");
        assertThat(RawHttp.body(response)).startsWith("{\"error\":");
    }
}
