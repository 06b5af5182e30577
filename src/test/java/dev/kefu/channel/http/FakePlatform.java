package dev.kefu.channel.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local stand-in for a messaging platform's API (WeChat's token and customer-service endpoints,
 * a generic callback URL) on port 0. It records every call and can be switched to answer 503.
 */
final class FakePlatform implements AutoCloseable {
    /** One recorded call. */
    record Call(String method, String path, String query, String body, String signature, String timestamp) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    /** A scripted answer for a call (status and body), or null for the normal one. */
    private volatile java.util.function.Function<Call, Answer> script = call -> null;

    /** A scripted answer. */
    record Answer(int status, String body) {
    }

    FakePlatform() throws IOException {
        this(0);
    }

    FakePlatform(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers calls with {@code script} first (null: the normal answer); the calls are recorded as usual. */
    void script(java.util.function.Function<Call, Answer> script) {
        this.script = script;
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits up to {@code seconds} for a call matching {@code test}. */
    Call await(Predicate<Call> test, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (test.test(call)) {
                    return call;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching call within " + seconds + " s; calls: " + calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (down) {
            respond(exchange, 503, "{\"error\": \"down\"}");
            return;
        }
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), body, exchange.getRequestHeaders().getFirst("X-Kefu-Signature"),
                exchange.getRequestHeaders().getFirst("X-Kefu-Timestamp"));
        calls.add(call);
        Answer scripted = script.apply(call);
        if (scripted != null) {
            respond(exchange, scripted.status(), scripted.body());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/cgi-bin/token") || path.equals("/cgi-bin/stable_token")) {
            respond(exchange, 200, "{\"access_token\": \"fake-access-token\", \"expires_in\": 7200}");
        } else if (path.equals("/cgi-bin/message/custom/send")) {
            respond(exchange, 200, "{\"errcode\": 0, \"errmsg\": \"ok\"}");
        } else {
            respond(exchange, 200, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
