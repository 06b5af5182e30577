package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.cli.Main;
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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The customer's side of an agent's chat, in the widget: the agent's display name when they join,
 * and the 1-5 star survey after the agent closes, stored with the ticket.
 */
class WidgetSurveyBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "survey-password-7";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir, Map.of());
        int code = Main.run(new String[] {"agents", "add", "--login", "lina", "--name", "李娜", "--db",
                "jdbc:sqlite:" + serverDir.resolve("kefu.db")},
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "WidgetSurveyBrowserIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void the_customer_sees_who_joins_and_rates_the_service_after_the_close() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 800)) {
            WidgetPage widget = new WidgetPage(browser.driver());
            browser.driver().get(server.url());
            widget.loaded();
            widget.find("kefu-launcher").click();
            widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
            widget.awaitNew("bot", 1);
            widget.find("kefu-human").click();
            widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff")
                    && "waiting".equals(widget.find("kefu-handoff").getAttribute("data-state")));

            Session lina = login();
            lina.call("POST", "/api/agent/presence", "{\"presence\": \"online\"}");
            widget.waitUntil("the agent's name", () -> widget.find("kefu-handoff").getText().contains("李娜"));
            widget.waitUntil("the join line", () -> widget.texts("system").stream().anyMatch(t -> t.contains("客服 李娜 为您服务")));

            JsonNode tickets = JSON.readTree(lina.call("GET", "/api/agent/tickets?status=assigned", null).body()).get("tickets");
            String ticket = tickets.get(0).get("ticketId").asText();
            assertThat(lina.call("POST", "/api/agent/tickets/" + ticket + "/close", "{}").statusCode()).isEqualTo(200);
            widget.waitUntil("the survey", () -> widget.visible("kefu-survey"));
            List<WebElement> stars = widget.all("[data-testid=kefu-star]");
            assertThat(stars).hasSize(5);
            stars.get(4).click();
            widget.find("kefu-survey-comment").sendKeys("解答很清楚");
            widget.find("kefu-survey-send").click();
            widget.waitUntil("the thanks", () -> widget.find("kefu-survey-note").getText().contains("感谢"));
            JsonNode stored = JSON.readTree(lina.call("GET", "/api/agent/tickets/" + ticket, null).body()).get("satisfaction");
            assertThat(stored.get("stars").asInt()).isEqualTo(5);
            assertThat(stored.get("comment").asText()).isEqualTo("解答很清楚");
        }
    }

    private Session login() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"lina\", \"password\": \"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return new Session(cookie.substring(0, cookie.indexOf(';')), JSON.readTree(response.body()).get("csrfToken").asText());
    }

    /** An agent's session over plain HTTP. */
    private final class Session {
        private final String cookie;
        private final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> call(String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .header("Cookie", cookie).header(AgentAuth.CSRF_HEADER, csrf)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
