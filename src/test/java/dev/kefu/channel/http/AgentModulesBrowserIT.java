package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The agent pages' modules that hold logic (formatting, list ordering and unread counts, the "/"
 * canned-reply matcher, the API client and its error mapping; the reports page's formatting)
 * tested in a real headless Chromium: test pages ({@code src/test/resources/web-tests/}) import
 * them from {@code /agent/assets/} as the pages do and report their results.
 */
class AgentModulesBrowserIT {
    private HttpServer files;
    private HeadlessChromium chromium;
    private WidgetPage page;

    @BeforeEach
    void start() throws IOException {
        HeadlessChromium.requireInstalled();
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", AgentModulesBrowserIT::serve);
        files.start();
        chromium = HeadlessChromium.start(800, 600);
        page = new WidgetPage(chromium.driver());
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (files != null) {
            files.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_console_modules_pass_their_unit_tests_in_the_browser() {
        chromium.driver().get(base() + "/test/agent-unit.html");
        page.waitUntil("the unit tests to report", () -> Boolean.TRUE.equals(page.js("return Array.isArray(window.unitResults)")));

        List<Map<String, Object>> results = (List<Map<String, Object>>) page.js("return window.unitResults");
        assertThat(results).hasSizeGreaterThanOrEqualTo(17);
        assertThat(results).allSatisfy(r -> assertThat(r.get("ok")).as(r.get("name") + ": " + r.get("message")).isEqualTo(true));
    }

    @Test
    void the_report_formatting_passes_its_unit_tests_in_the_browser() {
        chromium.driver().get(base() + "/test/report-format-test.html");
        page.waitUntil("the unit tests", () -> chromium.driver().findElement(By.cssSelector("[data-testid=unit-result]"))
                .getText().contains("passed"));
        assertThat(chromium.driver().findElement(By.cssSelector("[data-testid=unit-result]")).getText())
                .endsWith(" 0 failed").doesNotStartWith("0 passed");
    }

    private String base() {
        return "http://127.0.0.1:" + files.getAddress().getPort();
    }

    /**
     * {@code /agent/assets/*} from the console's resources, {@code /test/*} from the test pages',
     * and {@code /status/{n}}: an answer of that status for the API client's tests, JSON with the
     * request's headers and body (or, with {@code ?plain=1}, not JSON; with {@code ?code=}, an error code).
     */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/status/")) {
            answer(exchange);
            return;
        }
        String resource = path.startsWith("/agent/assets/") ? "web/agent/" + path.substring("/agent/assets/".length())
                : path.startsWith("/test/") ? "web-tests/" + path.substring("/test/".length()) : null;
        try (exchange; InputStream in = resource == null || resource.contains("..") ? null
                : AgentModulesBrowserIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            String type = path.endsWith(".html") ? "text/html" : path.endsWith(".css") ? "text/css" : "text/javascript";
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body;
            if (query.contains("plain=1")) {
                body = "<html>bad gateway</html>";
            } else if (status >= 400) {
                String code = query.startsWith("code=") ? query.substring("code=".length()) : null;
                body = "{\"error\": \"refused with " + status + "\"" + (code == null ? "" : ", \"code\": \"" + code + "\"") + "}";
            } else {
                body = "{\"authorization\": " + quoted(exchange.getRequestHeaders().getFirst("Authorization"))
                        + ", \"agent\": " + quoted(exchange.getRequestHeaders().getFirst("X-Kefu-Agent"))
                        + ", \"csrf\": " + quoted(exchange.getRequestHeaders().getFirst("X-CSRF-Token"))
                        + ", \"body\": " + quoted(sent.isEmpty() ? null : sent) + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", (query.contains("plain=1") ? "text/html" : "application/json")
                    + "; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
