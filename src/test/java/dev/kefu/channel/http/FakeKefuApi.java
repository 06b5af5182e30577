package dev.kefu.channel.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for kefu's public HTTP API (the shapes of DESIGN.md), for widget behaviour
 * the real server cannot produce on demand yet: agent messages, queue moves, the end of a handoff.
 * It serves a host page at {@code /} that embeds the real {@code web/widget.js} (and its modules). Every message
 * posted is handed off; what the events stream sends is queued by the test with {@link #push}.
 */
final class FakeKefuApi implements AutoCloseable {
    static final String CONVERSATION = "c-1";
    static final String HOSTILE_BOT_REPLY = "已为您登记 <img src=x onerror=\"window.pwned=1\">，请稍候";
    static final String AGENT_TEXT = "<script>window.pwned=2</script>您好，我是人工客服小王";
    private static final String AGENT_TIME = "2026-01-05T08:30:00Z";

    private final HttpServer server;
    private final boolean streams;
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean agentJoined;

    /** {@code streams} false answers the events stream with 404, so that the widget has to poll. */
    FakeKefuApi(boolean streams) throws IOException {
        this.streams = streams;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Queues an SSE event for the open stream. */
    void push(String event, String json) {
        events.add("event: " + event + "\ndata: " + json + "\n\n");
    }

    static String status(String state, int position) {
        return "{\"state\":\"" + state + "\",\"handoff\":" + (state.equals("bot") ? "null" : handoff(state, position)) + "}";
    }

    static String agentMessage() {
        return "{\"role\":\"agent\",\"text\":\"" + AGENT_TEXT.replace("\"", "\\\"") + "\",\"time\":\"" + AGENT_TIME + "\"}";
    }

    /** From now on the transcript holds the agent's message and the ticket is assigned. */
    void agentJoins() {
        agentJoined = true;
    }

    private static String handoff(String status, int position) {
        return "{\"ticketId\":\"t-1\",\"status\":\"" + status + "\",\"position\":" + position + ",\"reason\":\"user_request\"}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            switch (path) {
                case "/" -> send(exchange, 200, "text/html", page());
                case "/widget.js" -> send(exchange, 200, "application/javascript", resource("web/widget.js"));
                case "/api/messages" -> send(exchange, 200, "application/json", reply());
                case "/api/conversations/" + CONVERSATION + "/messages" -> send(exchange, 200, "application/json", transcript());
                case "/api/conversations/" + CONVERSATION + "/events" -> stream(exchange);
                default -> widgetFileOr404(exchange, path);
            }
        }
    }

    private String page() {
        return """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>别家网站</title>
                <style>* { font-size: 30px !important; } button { background: red !important; }</style></head>
                <body><h1>一家嵌入了客服组件的网站</h1>
                <script src="/widget.js" defer data-title="测试客服" data-greeting="测试问候语"
                        data-position="bottom-left" data-accent="rgb(0, 128, 0)" data-api="%s"></script>
                </body></html>""".formatted(url().replaceAll("/$", ""));
    }

    /** The widget's modules and style sheet, as kefu serves them under {@code /widget/}. */
    private static void widgetFileOr404(HttpExchange exchange, String path) throws IOException {
        if (path.matches("/widget/[a-z-]+\\.(js|css)") && FakeKefuApi.class.getClassLoader().getResource("web" + path) != null) {
            send(exchange, 200, path.endsWith(".css") ? "text/css" : "application/javascript", resource("web" + path));
        } else {
            send(exchange, 404, "application/json", "{\"error\":\"no route\"}");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FakeKefuApi.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String reply() {
        return "{\"conversationId\":\"" + CONVERSATION + "\",\"action\":\"handoff\",\"intent\":\"human_agent\","
                + "\"confidence\":0.99,\"reply\":\"" + HOSTILE_BOT_REPLY.replace("\"", "\\\"") + "\",\"faqId\":null,"
                + "\"suggestions\":[],\"handoff\":" + handoff("waiting", 3) + ",\"reason\":\"user_request\"}";
    }

    private String transcript() {
        String agent = agentJoined ? "," + agentMessage() : "";
        return "{\"conversationId\":\"" + CONVERSATION + "\",\"messages\":["
                + "{\"role\":\"user\",\"text\":\"转人工\",\"time\":\"2026-01-05T08:29:00Z\"}" + agent
                + "],\"handoff\":" + handoff(agentJoined ? "assigned" : "waiting", agentJoined ? 0 : 3) + "}";
    }

    private void stream(HttpExchange exchange) throws IOException {
        if (!streams) {
            send(exchange, 404, "application/json", "{\"error\":\"no events here\"}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            while (closed.getCount() > 0) {
                String event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
