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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A day at the desk with accounts, in headless Chromiums against the shaded jar: two agents log
 * in on the login page, go online, get four customers' tickets by auto-assignment (the first
 * customer in the widget), one transfers a chat to the other, who sees the customer typing and is
 * seen typing, answers with a canned reply, writes a note and closes; the customer rates the
 * service in the widget, the chat is found by the search, logging out puts the rest back in the
 * queue, and the admin's reports page shows the day.
 */
class AgentDayBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "day-test-token";
    private static final String PASSWORD = "desk-day-password-1";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir, Map.of("KEFU_AGENT_TOKEN", TOKEN));
        add("lina", "李娜", "agent", 2);
        add("wei", "张伟", "agent", 2);
        add("wang", "王经理", "admin", 1);
    }

    private static void add(String login, String name, String role, int maxChats) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"agents", "add", "--login", login, "--name", name, "--role", role,
                "--max-chats", String.valueOf(maxChats), "--db", "jdbc:sqlite:" + serverDir.resolve("kefu.db")},
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "AgentDayBrowserIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void two_agents_share_four_customers_transfer_one_and_logging_out_releases_the_rest() throws Exception {
        try (HeadlessChromium linaBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium weiBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium customerBrowser = HeadlessChromium.start(1280, 800)) {
            Desk lina = new Desk(linaBrowser.driver());
            lina.logIn("lina", "wrong-password-000");
            lina.waitUntil("the login error", () -> lina.find("account-login-error").isDisplayed());
            assertThat(lina.find("account-login-error").getText()).contains("错误");
            lina.logIn("lina", PASSWORD);
            lina.waitUntil("the console", () -> lina.driver.getCurrentUrl().endsWith("/agent") && lina.find("console").isDisplayed());
            assertThat(lina.find("me").getText()).isEqualTo("李娜");
            lina.waitUntil("the version in use", () -> lina.find("model-version").getText().equals("知识库：模型文件"));
            lina.online();

            // the first customer writes in the widget (and rates the service there at the end), the others over HTTP
            WidgetPage widget = new WidgetPage(customerBrowser.driver());
            List<String> conversations = new ArrayList<>();
            conversations.add(askForAPersonInTheWidget(customerBrowser.driver(), widget));
            for (int i = 1; i < 4; i++) {
                conversations.add(JSON.readTree(server.say(null, "转人工").body()).get("conversationId").asText());
            }
            assertThat(holders(conversations)).containsExactly("lina", "lina", "queue", "queue");

            Desk wei = new Desk(weiBrowser.driver());
            wei.logIn("wei", PASSWORD);
            wei.waitUntil("the console", () -> wei.find("console").isDisplayed());
            wei.online();
            assertThat(holders(conversations)).containsExactly("lina", "lina", "wei", "wei");

            // lina's list shows her tickets with numbers, the customer and the last message
            lina.click("[data-filter=assigned]");
            WebElement item = lina.ticket(conversations.get(0));
            assertThat(item.getText()).containsPattern("#\\d{4}").contains("网页访客");
            item.click();
            lina.waitUntil("the ticket", () -> lina.find("ticket-name").getText().startsWith("工单 #"));
            lina.waitUntil("transfer enabled", () -> lina.find("transfer").isEnabled());
            lina.find("transfer").click();
            lina.waitUntil("the transfer dialog", () -> lina.find("transfer-dialog").isDisplayed());
            new Select(lina.find("transfer-to")).selectByValue("wei");
            lina.find("transfer-ok").click();
            waitFor("the transfer", () -> holders(conversations).get(0).equals("wei"));

            // wei answers the transferred chat with a canned reply, writes a note and closes it
            HttpResponse<String> canned = adminCall("POST", "/api/agent/canned",
                    "{\"shortcut\": \"refund\", \"text\": \"退款将在 1-3 个工作日内原路退回。\"}");
            assertThat(canned.statusCode()).as(canned.body()).isEqualTo(201);
            wei.click("[data-filter=assigned]");
            wei.ticket(conversations.get(0)).click();
            wei.waitUntil("the reply box", () -> wei.find("reply").isEnabled());
            // typing shows on the other side, both ways, without the text
            widget.find("kefu-input").sendKeys("我还想问");
            wei.waitUntil("the customer typing", () -> wei.find("customer-typing").isDisplayed());
            assertThat(wei.find("customer-typing").getText()).isEqualTo("用户正在输入…");
            wei.find("reply").sendKeys("您好，");
            widget.waitUntil("the agent typing", () -> widget.visible("kefu-agent-typing"));
            assertThat(widget.find("kefu-agent-typing").getText()).isEqualTo("客服正在输入…");
            widget.find("kefu-input").clear();
            wei.find("reply").clear();
            wei.find("reply").sendKeys("/ref");
            wei.waitUntil("the canned reply", () -> !wei.driver.findElements(By.cssSelector("[data-testid=canned-item]")).isEmpty());
            wei.find("reply").sendKeys(org.openqa.selenium.Keys.ENTER);
            wei.waitUntil("the canned text", () -> wei.find("reply").getAttribute("value").startsWith("退款将在"));
            wei.find("send").click();
            waitFor("the reply in the transcript", () -> transcript(conversations.get(0)).contains("退款将在 1-3 个工作日内原路退回。"));
            wei.find("worksheet-toggle").click();
            wei.find("note-text").sendKeys("用户卡号 6222021234567890123 已核实");
            wei.find("note-add").click();
            wei.waitUntil("the note", () -> wei.find("note-list").getText().contains("已核实"));
            assertThat(wei.find("note-list").getText()).doesNotContain("6222021234567890123");
            assertThat(transcript(conversations.get(0))).doesNotContain("已核实");
            wei.find("close").click();
            wei.waitUntil("the confirmation", () -> wei.find("confirm").isDisplayed());
            wei.find("confirm-ok").click();
            waitFor("the close", () -> holders(conversations).get(0).equals("closed"));
            // the customer rates 张伟's service in the widget
            widget.waitUntil("the survey", () -> widget.visible("kefu-survey"));
            assertThat(widget.visible("kefu-agent-typing")).isFalse();
            widget.all("[data-testid=kefu-star]").get(3).click();
            widget.find("kefu-survey-send").click();
            widget.waitUntil("the thanks", () -> widget.find("kefu-survey-note").getText().contains("感谢"));
            // the ended chat is found again by the words of the reply
            wei.find("search").sendKeys("原路退回", Keys.ENTER);
            wei.waitUntil("the search result", () -> wei.find("search-note").isDisplayed());
            assertThat(wei.find("search-note").getText()).contains("找到 1 个");
            assertThat(wei.ticket(conversations.get(0)).getAttribute("data-status")).isEqualTo("closed");
            wei.find("search-clear").click();
            wei.waitUntil("the search cleared", () -> !wei.find("search-note").isDisplayed());

            lina.find("logout").click();
            lina.waitUntil("the login page", () -> lina.driver.getCurrentUrl().endsWith("/agent/login"));
            waitFor("lina's chat back in the queue", () -> holders(conversations).get(1).equals("queue"));
            assertThat(holders(conversations)).containsExactly("closed", "queue", "wei", "wei");

            // the admin's reports page shows the day: handoffs, and 张伟's rating
            Desk admin = lina;
            admin.logIn("wang", PASSWORD);
            admin.waitUntil("the console", () -> admin.find("console").isDisplayed());
            admin.driver.get(server.url() + "agent/reports");
            admin.waitUntil("the report", () -> "true".equals(admin.driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(admin.find("report-totals").getText()).contains("会话数").contains("4 / 5");
            assertThat(admin.find("report-reasons").getText()).contains("用户要求人工");
            assertThat(admin.find("report-agents").getText()).contains("张伟").contains("4");
        }
    }

    /** The customer opens the demo page's widget, asks, and asks for a person; returns the conversation id. */
    private static String askForAPersonInTheWidget(WebDriver driver, WidgetPage widget) {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        widget.awaitNew("bot", 1);
        widget.find("kefu-human").click();
        widget.waitUntil("the handoff", () -> widget.visible("kefu-handoff"));
        return (String) widget.js("return Object.keys(localStorage).filter(k => k.startsWith('kefu.conversation:'))"
                + ".map(k => localStorage.getItem(k))[0]");
    }

    private HttpResponse<String> adminCall(String method, String path, String body) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"wang\", \"password\": \"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).header(AgentAuth.CSRF_HEADER, csrf)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String transcript(String conversation) {
        try {
            return server.get("api/conversations/" + conversation + "/messages").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who has each conversation's ticket: an agent's login, "queue", or how it ended. */
    private List<String> holders(List<String> conversations) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/agent/tickets"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> byConversation = new java.util.HashMap<>();
            for (JsonNode t : JSON.readTree(response.body()).get("tickets")) {
                byConversation.put(t.get("conversationId").asText(),
                        switch (t.get("status").asText()) {
                            case "assigned" -> t.get("agent").asText();
                            case "waiting" -> "queue";
                            default -> t.get("status").asText();
                        });
            }
            return conversations.stream().map(c -> byConversation.getOrDefault(c, "none")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} the way WebDriverWait does (every half second, 15 s at most). */
    private static void waitFor(String what, BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.FluentWait<>(what).withTimeout(Duration.ofSeconds(15))
                .pollingEvery(Duration.ofMillis(200)).withMessage("waiting for " + what)
                .until(w -> condition.getAsBoolean());
    }

    private static final class Desk {
        private final WebDriver driver;

        Desk(WebDriver driver) {
            this.driver = driver;
        }

        void logIn(String login, String password) {
            driver.get(server.url() + "agent/login");
            find("account-login").clear();
            find("account-login").sendKeys(login);
            find("account-password").clear();
            find("account-password").sendKeys(password);
            find("account-login-submit").click();
        }

        void online() {
            waitUntil("the presence switch", () -> find("presence").isDisplayed());
            new Select(find("presence")).selectByValue("online");
            waitUntil("online", () -> "在线".equals(((JavascriptExecutor) driver)
                    .executeScript("return document.getElementById('announce').textContent")));
        }

        WebElement ticket(String conversationId) {
            String selector = "[data-testid=ticket-item][data-conversation='" + conversationId + "']";
            waitUntil("the ticket of " + conversationId, () -> !driver.findElements(By.cssSelector(selector)).isEmpty());
            return driver.findElement(By.cssSelector(selector));
        }

        void click(String selector) {
            driver.findElement(By.cssSelector(selector)).click();
        }

        WebElement find(String testId) {
            return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        }

        void waitUntil(String what, BooleanSupplier condition) {
            new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage("waiting for " + what)
                    .until(d -> condition.getAsBoolean());
        }
    }
}
