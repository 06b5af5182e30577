package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's review inbox page and the console's "why" view in headless Chromium: an admin sees
 * the clusters with their suggestion and draft, dismisses one message and then a whole cluster, an
 * action's form comes prefilled; axe-core finds nothing serious or critical; the page's pure module
 * passes its tests; an agent opens the decision log of a bot reply in the console.
 */
class InboxBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk-password-2026";

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeAll
    static void readAxe() throws Exception {
        HeadlessChromium.requireInstalled();
    }

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("kefu.db"));
        Accounts accounts = new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC());
        accounts.create(new NewAccount("boss", "王经理", PASSWORD, Role.ADMIN, 5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_admin_reviews_the_clusters_and_they_leave_the_inbox() throws Exception {
        for (String text : List.of("今天天气怎么样", "明天天气怎么样啊", "今天的天气好不好")) {
            server.say(null, text);
        }
        String conversation = server.say(null, "红烧肉怎么做").get("conversationId").asText();
        server.say(conversation, "怎么做红烧肉好吃");
        String ticket = server.say(conversation, "好的").get("handoff").get("ticketId").asText();
        agent("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"菜谱问题我们无法解答，抱歉\"}");

        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            Page page = new Page(browser.driver());
            page.logIn("boss");
            page.open("studio/inbox");
            assertThat(page.find("inbox-summary").getText()).contains("5 条待审核消息");
            List<WebElement> clusters = page.all("[data-testid=cluster]");
            assertThat(clusters).hasSize(2);
            assertThat(clusters.get(0).findElement(By.cssSelector("[data-testid=cluster-size]")).getText()).isEqualTo("3 条");
            assertThat(clusters.get(0).getText()).contains("今天天气怎么样", "未能回答");
            WebElement cooking = clusters.get(1);
            assertThat(cooking.findElement(By.cssSelector("[data-testid=draft]")).getText()).contains("菜谱问题我们无法解答");
            assertThat(page.violations()).as("axe-core, the inbox").isEmpty();
            browser.screenshot("studio-inbox");

            // a new entry's form: the first message as question, the others as phrasings, the agent's answer as draft
            cooking.findElement(By.cssSelector("[data-testid=action-entry]")).click();
            page.waitUntil("the dialog", () -> page.find("field-question").isDisplayed());
            assertThat(page.value("field-question")).isEqualTo("红烧肉怎么做");
            assertThat(page.value("field-paraphrases")).isEqualTo("怎么做红烧肉好吃");
            assertThat(page.value("field-answer")).isEqualTo("菜谱问题我们无法解答，抱歉");
            assertThat(page.violations()).as("axe-core, the dialog open").isEmpty();
            browser.screenshot("studio-inbox-new-entry");
            page.find("action-ok").click(); // no intent and entry id typed: refused before any call
            page.waitUntil("the form's error", () -> page.find("action-error").isDisplayed());
            assertThat(page.find("action-error").getText()).contains("条目编号");
            page.js("document.getElementById('action').close()");

            // add as phrasing: the ranker's suggestion prefilled
            clusters.get(0).findElement(By.cssSelector("[data-testid=action-phrase]")).click();
            page.waitUntil("the dialog", () -> page.find("field-faq").isDisplayed());
            String suggested = page.inbox().get("clusters").get(0).path("suggestion").path("faqId").asText("");
            assertThat(page.value("field-faq")).isEqualTo(suggested);
            page.js("document.getElementById('action').close()");

            // one message dismissed
            page.all("[data-testid=dismiss-one]").get(0).click();
            page.waitUntil("the dialog", () -> page.find("field-comment").isDisplayed());
            page.find("field-comment").sendKeys("闲聊");
            page.find("action-ok").click();
            page.waitUntil("the cluster to shrink", () -> page.all("[data-testid=cluster-size]").get(0).getText().equals("2 条"));

            // the rest of the weather cluster dismissed at once
            page.all("[data-testid=cluster]").get(0).findElement(By.cssSelector("[data-testid=action-dismiss]")).click();
            page.waitUntil("the dialog", () -> page.find("action-ok").isDisplayed());
            page.find("action-ok").click();
            page.waitUntil("one cluster left", () -> page.all("[data-testid=cluster]").size() == 1);
            assertThat(page.find("clusters").getText()).doesNotContain("天气");
            assertThat(page.inbox().get("messages").asInt()).isEqualTo(2);
        }
    }

    @Test
    void the_inbox_page_says_who_may_use_it_and_its_module_passes_its_tests() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1024, 768)) {
            Page page = new Page(browser.driver());
            browser.driver().get(server.base + "/studio/inbox");
            page.waitUntil("the error", () -> page.find("inbox-error").isDisplayed());
            assertThat(page.find("inbox-error").getText()).contains("请先");
            browser.driver().get(server.base + "/studio/inbox-format-test.html");
            page.waitUntil("the unit tests", () -> !page.find("unit-result").getText().equals("running"));
            assertThat(page.find("unit-result").getText()).matches("\\d+ passed, 0 failed");
        }
    }

    @Test
    void the_console_shows_why_the_bot_replied() throws Exception {
        String conversation = server.say(null, "退款多久到账").get("conversationId").asText();
        server.say(conversation, "转人工");
        try (HeadlessChromium browser = HeadlessChromium.start(1440, 900)) {
            Page page = new Page(browser.driver());
            browser.driver().get(server.base + "/agent");
            page.find("login-name").sendKeys("li.na");
            page.find("login-token").sendKeys(TestServer.AGENT_TOKEN);
            page.find("login-submit").click();
            String item = "[data-testid=ticket-item][data-conversation='" + conversation + "']";
            // a live refresh may redraw the queue between finding the item and clicking it: found again
            page.waitUntil("the ticket, clicked", () -> {
                List<WebElement> items = page.all(item);
                if (items.isEmpty()) {
                    return false;
                }
                items.get(0).click();
                return true;
            });
            page.waitUntil("the transcript", () -> page.all("[data-role=bot] [data-testid=decision-why]").size() == 2);
            WebElement why = page.all("[data-role=bot] [data-testid=decision-why]").get(0);
            assertThat(why.getAttribute("aria-expanded")).isEqualTo("false");
            why.click();
            page.waitUntil("the decision", () -> !page.all("[data-testid=decision-panel]").isEmpty());
            String panel = page.find("decision-panel").getText();
            browser.screenshot("agent-console-why");
            assertThat(panel).contains(TestServer.MODEL_VERSION, "refund-time", "refund_time", "回答 ≥ 0.5");
            assertThat(why.getAttribute("aria-expanded")).isEqualTo("true");
            why.click();
            page.waitUntil("the panel to close", () -> page.all("[data-testid=decision-panel]").isEmpty());
        }
    }

    private void agent(String method, String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + path))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        int status = server.send(request).statusCode();
        assertThat(status).as(method + " " + path).isBetween(200, 201);
    }

    private final class Page {
        private final WebDriver driver;

        Page(WebDriver driver) {
            this.driver = driver;
        }

        void logIn(String login) {
            driver.get(server.base + "/agent/login");
            find("account-login").sendKeys(login);
            find("account-password").sendKeys(PASSWORD);
            find("account-login-submit").click();
            waitUntil("the console", () -> driver.getCurrentUrl().endsWith("/agent"));
        }

        void open(String path) {
            driver.get(server.base + "/" + path);
            waitUntil("the page", () -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
        }

        /** The inbox as the page's session reads it. */
        JsonNode inbox() throws Exception {
            return JSON.readTree((String) ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + " fetch('/api/studio/inbox', {credentials: 'same-origin'}).then(r => r.text()).then(done);"));
        }

        WebElement find(String testId) {
            return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        }

        List<WebElement> all(String css) {
            return driver.findElements(By.cssSelector(css));
        }

        String value(String testId) {
            return find(testId).getAttribute("value");
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(script, args);
        }

        void waitUntil(String what, BooleanSupplier condition) {
            // the page re-renders its lists: an element read while it was replaced is read again
            new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage("waiting for " + what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        }

        /** axe-core's serious and critical violations on the page, one line each. */
        List<String> violations() {
            return AxeCore.seriousViolations((JavascriptExecutor) driver);
        }
    }

}
