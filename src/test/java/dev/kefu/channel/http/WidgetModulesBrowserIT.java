package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The widget's pure modules (formatting, options, API errors) tested in a real headless Chromium:
 * a test page ({@code src/test/resources/web-tests/}) imports them as the widget does and reports
 * its results, so no Node toolchain is needed.
 */
class WidgetModulesBrowserIT {
    private HttpServer files;
    private HeadlessChromium chromium;

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.requireInstalled();
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
    void the_pure_widget_modules_pass_their_unit_tests_in_the_browser() throws Exception {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", WidgetModulesBrowserIT::serve);
        files.start();
        chromium = HeadlessChromium.start(800, 600);
        WidgetPage page = new WidgetPage(chromium.driver());
        chromium.driver().get("http://127.0.0.1:" + files.getAddress().getPort() + "/test/widget-unit.html");
        page.waitUntil("the unit tests to report", () -> Boolean.TRUE.equals(page.js("return Array.isArray(window.unitResults)")));

        List<Map<String, Object>> results = (List<Map<String, Object>>) page.js("return window.unitResults");
        assertThat(results).hasSizeGreaterThanOrEqualTo(13);
        assertThat(results).allSatisfy(r -> assertThat(r.get("ok")).as(r.get("name") + ": " + r.get("message")).isEqualTo(true));
    }

    /** {@code /widget/*} from the served web assets, {@code /test/*} from the test page's resources. */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = path.startsWith("/widget/") ? "web" + path
                : path.startsWith("/test/") ? "web-tests/" + path.substring("/test/".length()) : null;
        try (exchange; InputStream in = resource == null || resource.contains("..") ? null
                : WidgetModulesBrowserIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            String type = path.endsWith(".html") ? "text/html" : path.endsWith(".css") ? "text/css" : "application/javascript";
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
