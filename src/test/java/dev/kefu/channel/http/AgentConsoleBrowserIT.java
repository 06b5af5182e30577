package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent console ({@code GET /agent}) in one headless Chromium and the chat widget in another,
 * against the shaded jar serving on a free port with an agent token: what the agent does reaches
 * the user live, and the other way round.
 */
class AgentConsoleBrowserIT {
    private static final String TOKEN = "console-test-token";
    private static final String AGENT = "li.na";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir, Map.of("KEFU_AGENT_TOKEN", TOKEN));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "AgentConsoleBrowserIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void an_agent_claims_the_ticket_and_talks_live_with_the_user_in_the_widget() throws Exception {
        try (HeadlessChromium userBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium agentBrowser = HeadlessChromium.start(1440, 900)) {
            WidgetPage widget = new WidgetPage(userBrowser.driver());
            String conversation = userAsksForAPerson(userBrowser.driver(), widget);

            Console console = new Console(agentBrowser.driver());
            console.logIn(AGENT, TOKEN);
            assertThat(agentBrowser.driver().getCurrentUrl()).isEqualTo(server.url() + "agent").doesNotContain(TOKEN);
            console.js("window.notReloaded = true");
            console.waitUntil("the live stream", () -> "live".equals(console.find("connection").getAttribute("data-state")));

            List<String> item = console.onTicket(conversation, e -> List.of(e.getAttribute("data-status"), e.getText()));
            assertThat(item.get(0)).isEqualTo("waiting");
            assertThat(item.get(1)).contains("用户要求人工").containsPattern("等待 \\d+ 秒");
            String waited = console.find("count-waiting").getText();
            assertThat(Integer.parseInt(waited)).isPositive();
            console.onTicket(conversation, e -> {
                e.click();
                return null;
            });
            console.waitUntil("the ticket", () -> console.find("ticket").isDisplayed()
                    && conversationOf(console).equals(conversation));
            assertThat(console.find("why-text").getText()).contains("用户要求人工");
            assertThat(console.find("why-bot").getText()).contains("转人工").containsPattern("置信度 \\d+\\.\\d%");
            assertThat(console.texts("user")).containsExactly("退款多久到账", "转人工");
            assertThat(console.texts("bot")).anySatisfy(text -> assertThat(text).contains("3 至 5 个工作日"));
            assertThat(console.all("[data-role=bot] [data-testid=decision-intent]"))
                    .extracting(WebElement::getText).contains("意图 退款时效（refund_time）");
            assertThat(console.find("reply").isEnabled()).as("no reply before the claim").isFalse();
            String before = console.find("ticket-waited").getText();
            assertThat(before).matches("\\d+ 秒");
            console.waitUntil("the wait time to count on", () -> !console.find("ticket-waited").getText().equals(before));

            console.find("claim").click();
            console.waitUntil("the claim", () -> "assigned".equals(console.find("ticket").getAttribute("data-status")));
            assertThat(console.find("claim").isEnabled()).isFalse();
            assertThat(console.find("close").isEnabled()).isTrue();
            assertThat(console.find("ticket-status").getText()).isEqualTo("处理中");
            assertThat(console.find("filter-assigned").getAttribute("aria-pressed")).isEqualTo("true");
            widget.waitUntil("the widget to show the agent joined",
                    () -> "assigned".equals(widget.find("kefu-handoff").getAttribute("data-state")));

            WebElement reply = console.find("reply");
            assertThat(console.focusedTestId()).isEqualTo("reply");
            reply.sendKeys("您好，我是客服李娜");
            console.js("const box = arguments[0];"
                    + "box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true}));"
                    + "box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true}));", reply);
            assertThat(reply.getAttribute("value")).as("Enter while an IME composes").isEqualTo("您好，我是客服李娜");
            reply.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER), "请问有什么可以帮您？", Keys.ENTER);
            String sent = "您好，我是客服李娜\n请问有什么可以帮您？";
            console.waitUntil("the sent reply", () -> console.texts("agent").contains(sent));
            // the live event may show the reply before the POST's answer clears the box
            console.waitUntil("the reply box to clear", () -> reply.getAttribute("value").isEmpty());
            assertThat(widget.awaitNew("agent", 0)).isEqualTo(sent);

            WebElement input = widget.find("kefu-input");
            input.sendKeys("我的退款还没到账", Keys.ENTER);
            console.waitUntil("the user's message, live", () -> console.texts("user").contains("我的退款还没到账"));
            assertThat(console.texts("agent")).as("the reply is shown once").containsExactly(sent);
            assertThat(console.js("return window.notReloaded === true")).as("no page reload").isEqualTo(true);

            console.waitUntil("suggestions for the new message",
                    () -> console.find("faq-for").getText().contains("我的退款还没到账")
                            && !console.all("[data-testid=faq-suggestion][data-faq^=refund]").isEmpty());
            WebElement suggestion = console.all("[data-testid=faq-suggestion][data-faq^=refund]").get(0);
            String answer = (String) console.js("return arguments[0].querySelector('.a').textContent", suggestion);
            suggestion.click();
            assertThat(reply.getAttribute("value")).isEqualTo(answer).contains("退款");
            assertThat(console.focusedTestId()).isEqualTo("reply");
            Path shot = agentBrowser.screenshot("agent-console");
            assertThat(Files.size(shot)).isPositive();
            for (int width : new int[] {1280, 1024}) {
                agentBrowser.viewport(width, 720, false);
                assertThat(console.js("return document.documentElement.scrollWidth <= innerWidth"))
                        .as("no sideways scrolling at %d px", width).isEqualTo(true);
                assertThat(console.find("send").isDisplayed()).isTrue();
                agentBrowser.screenshot("agent-console-" + width + "x720");
            }
            agentBrowser.viewport(1440, 900, false);

            reply.clear();
            int systems = widget.texts("system").size();
            console.find("close").click();
            console.waitUntil("the close dialog", () -> console.find("confirm").isDisplayed());
            console.find("close-note").sendKeys("已告知退款到账时间");
            console.find("confirm-ok").click();
            console.waitUntil("the closed ticket", () -> "closed".equals(console.find("ticket").getAttribute("data-status")));
            assertThat(console.find("why-note").getText()).contains("已告知退款到账时间");
            assertThat(List.of("claim", "close", "handback", "reply", "send"))
                    .allSatisfy(id -> assertThat(console.find(id).isEnabled()).as(id).isFalse());
            assertThat(widget.awaitNew("system", systems)).contains("人工服务已结束");
            assertThat(console.find("error").isDisplayed()).isFalse();
        }
    }

    @Test
    void a_wrong_token_shows_an_error_and_no_data() throws Exception {
        try (HeadlessChromium userBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium agentBrowser = HeadlessChromium.start(1280, 800)) {
            userAsksForAPerson(userBrowser.driver(), new WidgetPage(userBrowser.driver()));
            Console console = new Console(agentBrowser.driver());
            agentBrowser.driver().get(server.url() + "agent");
            console.waitUntil("the login form", () -> "login-name".equals(console.focusedTestId()));
            console.find("login-name").sendKeys(AGENT, Keys.TAB, "not-the-token", Keys.ENTER);

            console.waitUntil("the login error", () -> console.find("login-error").isDisplayed());
            assertThat(console.find("login-error").getText()).contains("令牌错误");
            assertThat(console.find("console").isDisplayed()).isFalse();
            assertThat(console.all("[data-testid=ticket-item], [data-testid=message]")).isEmpty();
            assertThat(console.js("return sessionStorage.length")).isEqualTo(0L);
            assertThat(agentBrowser.driver().getCurrentUrl()).isEqualTo(server.url() + "agent");
        }
    }

    @Test
    void a_claim_that_lost_the_race_says_so_and_shows_who_has_the_ticket() throws Exception {
        try (HeadlessChromium userBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium agentBrowser = HeadlessChromium.start(1280, 800)) {
            String conversation = userAsksForAPerson(userBrowser.driver(), new WidgetPage(userBrowser.driver()));
            agentBrowser.driver().executeCdpCommand("Network.enable", Map.of());
            agentBrowser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/agent/events*")));
            Console console = new Console(agentBrowser.driver());
            console.logIn(AGENT, TOKEN);
            console.waitUntil("the stream to be reported down", () -> "down".equals(console.find("connection").getAttribute("data-state")));
            console.onTicket(conversation, e -> {
                e.click();
                return null;
            });
            console.waitUntil("the ticket", () -> "waiting".equals(console.find("ticket").getAttribute("data-status"))
                    && conversationOf(console).equals(conversation));

            String ticket = console.find("ticket").getAttribute("data-ticket");
            HttpResponse<String> colleague = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "api/agent/tickets/" + ticket + "/claim"))
                    .header("Authorization", "Bearer " + TOKEN).header("X-Kefu-Agent", "wang")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(colleague.statusCode()).isEqualTo(200);

            console.find("claim").click();
            console.waitUntil("the conflict", () -> console.find("error").isDisplayed());
            assertThat(console.find("error").getAttribute("data-status")).isEqualTo("409");
            assertThat(console.find("error-text").getText()).contains("该工单已被其他客服认领");
            console.waitUntil("the refreshed ticket", () -> "assigned".equals(console.find("ticket").getAttribute("data-status")));
            assertThat(console.find("reply").isEnabled()).isFalse();
            assertThat(console.find("reply").getAttribute("placeholder")).contains("wang");
            assertThat(console.find("close").isEnabled()).as("a colleague's conversation is theirs to end").isFalse();
        }
    }

    @Test
    void handing_back_returns_the_user_to_the_bot_and_lists_the_ticket_as_ended() throws Exception {
        try (HeadlessChromium userBrowser = HeadlessChromium.start(1280, 800);
             HeadlessChromium agentBrowser = HeadlessChromium.start(1280, 800)) {
            WidgetPage widget = new WidgetPage(userBrowser.driver());
            String conversation = userAsksForAPerson(userBrowser.driver(), widget);
            Console console = new Console(agentBrowser.driver());
            console.logIn(AGENT, TOKEN);
            console.onTicket(conversation, e -> {
                e.sendKeys(Keys.ENTER);
                return null;
            });
            console.waitUntil("the ticket", () -> conversation.equals(conversationOf(console))
                    && "waiting".equals(console.find("ticket").getAttribute("data-status")));

            int systems = widget.texts("system").size();
            console.find("handback").sendKeys(Keys.ENTER);
            console.waitUntil("the hand-back dialog", () -> console.find("confirm").isDisplayed());
            assertThat(console.find("close-note").isDisplayed()).isFalse();
            console.find("confirm-ok").sendKeys(Keys.ENTER);
            console.waitUntil("the handed-back ticket",
                    () -> "handed_back".equals(console.find("ticket").getAttribute("data-status")));
            assertThat(console.find("ticket-status").getText()).isEqualTo("已交还机器人");
            assertThat(widget.awaitNew("system", systems)).contains("人工服务已结束");

            console.find("filter-ended").click();
            // by selector, not by element: a refresh from the live stream may redraw the list at any time
            console.waitUntil("the ticket listed as handed back", () -> !console.all("[data-testid=ticket-item]"
                    + "[data-conversation='" + conversation + "'][data-status=handed_back]").isEmpty());
        }
    }

    @Test
    void ended_tickets_come_a_page_at_a_time_and_older_ones_on_request() throws Exception {
        List<String> seeded = seedEndedTickets(130);
        try (HeadlessChromium agentBrowser = HeadlessChromium.start(1280, 800)) {
            Console console = new Console(agentBrowser.driver());
            console.logIn(AGENT, TOKEN);
            console.waitUntil("the live stream", () -> "live".equals(console.find("connection").getAttribute("data-state")));
            console.find("filter-ended").click();
            console.waitUntil("the newest page", () -> console.all("[data-testid=ticket-item]").size() == 100);
            assertThat(console.find("load-older").getText()).isEqualTo("更早的记录");
            assertThat(listedTickets(console)).doesNotContain(seeded.get(seeded.size() - 1));

            console.find("load-older").click();
            console.waitUntil("the older page", () -> listedTickets(console).contains(seeded.get(seeded.size() - 1)));
            List<String> listed = listedTickets(console);
            assertThat(listed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(seeded.size());
            assertThat(listed.stream().filter(seeded::contains).toList()).as("newest first").isEqualTo(seeded);
            assertThat(console.all("[data-testid=load-older]")).as("nothing older is left").isEmpty();
            assertThat(console.focusedTestId()).isEqualTo("ticket-item");
        }
        // the console opened its streams with tickets: neither they nor the token are in the server's log
        assertThat(Files.readString(server.log())).contains("route=/api/agent/stream-ticket")
                .doesNotContain("ticket=").doesNotContain("access_token").doesNotContain(TOKEN);
    }

    /**
     * {@code n} tickets that ended a day ago, one minute apart, written straight into the server's
     * database (the API would take 2n requests); their ids, newest first.
     */
    private static List<String> seedEndedTickets(int n) throws SQLException {
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + serverDir.resolve("kefu.db"))) {
            c.createStatement().execute("PRAGMA busy_timeout = 5000");
            c.setAutoCommit(false);
            try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversations (id, created_at, "
                    + "updated_at, turns, consecutive_fallbacks, handed_off) VALUES (?, ?, ?, 1, 0, 0)");
                 PreparedStatement ticket = c.prepareStatement("INSERT INTO tickets (id, conversation_id, status, "
                    + "reason, priority, created_at, closed_at, agent) VALUES (?, ?, ?, 'user_request', 1, ?, ?, 'seed')")) {
                for (int i = 0; i < n; i++) {
                    String id = UUID.randomUUID().toString();
                    long closedAt = dayAgo - Duration.ofMinutes(i).toMillis();
                    conversation.setString(1, id);
                    conversation.setLong(2, closedAt - 60_000);
                    conversation.setLong(3, closedAt);
                    conversation.executeUpdate();
                    ticket.setString(1, id);
                    ticket.setString(2, id);
                    ticket.setString(3, i % 3 == 0 ? "handed_back" : "closed");
                    ticket.setLong(4, closedAt - 60_000);
                    ticket.setLong(5, closedAt);
                    ticket.executeUpdate();
                    ids.add(id);
                }
            }
            c.commit();
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<String> listedTickets(Console console) {
        return (List<String>) console.js("return Array.from(document.querySelectorAll('[data-testid=ticket-item]'))"
                + ".map(e => e.getAttribute('data-ticket'))");
    }

    @Test
    void the_session_survives_a_reload_and_logging_out_forgets_the_token() throws Exception {
        try (HeadlessChromium agentBrowser = HeadlessChromium.start(1280, 800)) {
            Console console = new Console(agentBrowser.driver());
            console.logIn(AGENT, TOKEN);
            agentBrowser.driver().navigate().refresh();
            console.waitUntil("the console after a reload", () -> console.find("console").isDisplayed());
            assertThat(console.find("me").getText()).isEqualTo(AGENT);

            console.find("logout").click();
            console.waitUntil("the login form", () -> console.find("login").isDisplayed());
            assertThat(console.js("return sessionStorage.length")).isEqualTo(0L);
            agentBrowser.driver().navigate().refresh();
            assertThat(console.find("login").isDisplayed()).isTrue();
            assertThat(console.find("console").isDisplayed()).isFalse();
        }
    }

    @Test
    void the_console_may_not_be_framed_sniffed_or_leak_a_referrer() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "agent")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'", "default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("智能 客服工作台");
    }

    @Test
    void the_console_modules_are_served_by_file_name_and_nothing_else_is() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String file : List.of("main.js", "api.js", "console.css", "login.js", "report-format.js")) {
            HttpResponse<String> asset = http.send(HttpRequest.newBuilder(URI.create(server.url() + "agent/assets/" + file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(file).hasValueSatisfying(type -> assertThat(type)
                    .startsWith(file.endsWith(".js") ? "text/javascript" : "text/css"));
            assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        for (String file : List.of("index.html", "login.html", "nope.js", "..%2Fwidget.js", "Main.js", "report-format-test.js")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.url() + "agent/assets/" + file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(file).isEqualTo(404);
            assertThat(refused.body()).as(file).contains("\"error\"");
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "agent")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<script type=\"module\" src=\"/agent/assets/main.js\"></script>")
                .doesNotContain("<script>").doesNotContain("<style>");
    }

    /** Opens the demo page, asks one question and presses 转人工; returns the conversation id. */
    private static String userAsksForAPerson(WebDriver driver, WidgetPage widget) {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        widget.awaitNew("bot", 1);
        widget.find("kefu-human").click();
        widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff")
                && "waiting".equals(widget.find("kefu-handoff").getAttribute("data-state")));
        return (String) widget.js("return Object.keys(localStorage).filter(k => k.startsWith('kefu.conversation:'))"
                + ".map(k => localStorage.getItem(k))[0]");
    }

    private static String conversationOf(Console console) {
        return String.valueOf(console.js("const t = document.querySelector('[data-testid=ticket-item][aria-current=true]');"
                + " return t ? t.getAttribute('data-conversation') : null"));
    }

    /** The console as a test sees it: elements by {@code data-testid}. */
    private static final class Console {
        private final WebDriver driver;

        Console(WebDriver driver) {
            this.driver = driver;
        }

        void logIn(String agent, String token) {
            driver.get(server.url() + "agent");
            find("login-name").sendKeys(agent);
            find("login-token").sendKeys(token);
            find("login-submit").click();
            waitUntil("the console", () -> find("console").isDisplayed());
        }

        WebElement find(String testId) {
            return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        }

        List<WebElement> all(String cssSelector) {
            return driver.findElements(By.cssSelector(cssSelector));
        }

        /** The queue entry of {@code conversationId}, once it is listed. */
        /**
         * Waits for the ticket of {@code conversationId} in the queue and applies {@code action} to its
         * list item. A live refresh may redraw the list between finding the item and using it; the
         * item is then found again.
         */
        <T> T onTicket(String conversationId, Function<WebElement, T> action) {
            String selector = "[data-testid=ticket-item][data-conversation='" + conversationId + "']";
            waitUntil("the ticket of " + conversationId + " in the queue", () -> !all(selector).isEmpty());
            for (int attempt = 1; ; attempt++) {
                try {
                    return action.apply(driver.findElement(By.cssSelector(selector)));
                } catch (StaleElementReferenceException redrawn) {
                    if (attempt == 5) {
                        throw redrawn;
                    }
                }
            }
        }

        /** Texts of the transcript lines of {@code role}, in order. */
        @SuppressWarnings("unchecked")
        List<String> texts(String role) {
            return (List<String>) js("return Array.from(document.querySelectorAll('[data-testid=message][data-role=" + role
                    + "] [data-testid=message-text]')).map(e => e.textContent)");
        }

        String focusedTestId() {
            return (String) js("return document.activeElement ? document.activeElement.getAttribute('data-testid') : null");
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(script, args);
        }

        void waitUntil(String what, BooleanSupplier condition) {
            new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage("waiting for " + what)
                    .until(d -> condition.getAsBoolean());
        }
    }
}
