package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.SqlAccountStore;
import dev.kefu.store.SqlKbStore;
import dev.kefu.studio.CorpusImport;
import dev.kefu.studio.CorpusImporter;
import dev.kefu.studio.KbEditor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's editor in a headless Chromium: an admin logs in from the studio, finds an entry,
 * edits its answer with a comment (preview rendered by the server), meets another admin's
 * change as a conflict, loads it, restores the first version from the history, is told which
 * field is wrong, and adds an out-of-scope example.
 */
class StudioEditorBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "studio-browser-password";

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        HeadlessChromium.requireInstalled();
        server = new TestServer(dir.resolve("kefu.db"));
        Accounts accounts = new Accounts(new SqlAccountStore(server.db()), TestServer.HASHER, Clock.systemUTC());
        accounts.create(new NewAccount("wang", "王经理", PASSWORD, Role.ADMIN, 5));
        accounts.create(new NewAccount("zhao", "赵主管", PASSWORD, Role.ADMIN, 5));
        new CorpusImporter(new KbEditor(new SqlKbStore(server.db()), Clock.systemUTC()))
                .replaceWith(CorpusImport.read(Path.of("corpus")), new KbEditor.Change("cli", "corpus import"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_admin_edits_an_answer_meets_a_conflict_restores_a_version_and_adds_an_example() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            Page page = new Page(browser.driver());
            browser.driver().get(server.base + "/studio/");
            page.waitUntil("the login link", () -> page.find("studio-notice").isDisplayed());
            page.find("studio-notice").findElement(By.tagName("a")).click();
            page.waitUntil("the login page", () -> browser.driver().getCurrentUrl().contains("/agent/login?next="));
            page.find("account-login").sendKeys("wang");
            page.find("account-password").sendKeys(PASSWORD);
            page.find("account-login-submit").click();
            page.waitUntil("the studio", () -> browser.driver().getCurrentUrl().endsWith("/studio/") && page.ready());
            assertThat(page.find("studio-me").getText()).isEqualTo("王经理");

            page.find("studio-search").sendKeys("充值失败怎么办");
            page.waitUntil("the search result", () -> page.items().size() == 1);
            page.items().get(0).click();
            page.waitUntil("the form", () -> page.find("entry-id").getAttribute("value").equals("pay-topup-failed"));
            String original = page.find("entry-answer").getAttribute("value");
            page.waitUntil("the preview", () -> !page.find("entry-preview").getText().isEmpty());

            page.find("entry-answer").clear();
            page.find("entry-answer").sendKeys("充值失败时请先确认银行卡余额，再联系 {hotline}。");
            page.waitUntil("the rendered preview", () -> page.find("entry-preview").getText().startsWith("充值失败时")
                    && !page.find("entry-preview").getText().contains("{hotline}"));
            page.find("studio-save").click();
            page.waitUntil("the comment is required", () -> page.find("studio-error").getText().contains("修改说明"));
            page.find("studio-comment").sendKeys("答案更短");
            page.find("studio-save").click();
            page.waitUntil("the save", () -> page.find("studio-saved").getText().contains("第 2 版"));
            page.waitUntil("the history", () -> page.history().size() == 2);

            JsonNode current = JSON.readTree(AgentLogin.of(server, "zhao", PASSWORD).send("GET",
                    "/api/studio/entries/pay-topup-failed", null).body());
            ObjectNode theirs = ((ObjectNode) current.deepCopy()).put("answer", "赵：请稍后再试充值。").put("comment", "赵的修改");
            assertThat(AgentLogin.of(server, "zhao", PASSWORD).send("POST", "/api/studio/entries/pay-topup-failed",
                    theirs.toString()).statusCode()).isEqualTo(200);
            page.find("entry-answer").sendKeys("（补充）");
            page.find("studio-comment").sendKeys("再补一句");
            page.find("studio-save").click();
            page.waitUntil("the conflict", () -> page.find("studio-conflict").isDisplayed());
            assertThat(page.find("studio-conflict").getText()).contains("zhao").contains("赵的修改");
            page.find("studio-conflict-load").click();
            page.waitUntil("the latest version", () -> page.find("entry-answer").getAttribute("value").startsWith("赵："));

            page.waitUntil("three versions", () -> page.history().size() == 3);
            WebElement first = page.history().get(2); // newest first
            page.find("studio-comment").sendKeys("恢复导入时的答案");
            first.findElement(By.cssSelector("[data-testid=history-restore]")).click();
            page.waitUntil("the restore", () -> page.find("studio-saved").getText().contains("第 4 版"));
            assertThat(page.find("entry-answer").getAttribute("value")).isEqualTo(original);

            page.find("studio-new").click();
            page.find("entry-id").sendKeys("refund-detail");
            page.find("entry-question").sendKeys("退款明细在哪看？");
            page.find("entry-paraphrases").sendKeys("怎么查退款记录\n退款流水去哪找\n想看退款明细\n退回来的钱在哪查\n退款账单");
            page.find("studio-comment").sendKeys("新条目");
            page.find("studio-save").click();
            page.waitUntil("the field error", () -> page.find("studio-error").getText().startsWith("答案有误"));

            page.find("tab-examples").click();
            page.waitUntil("the examples", () -> page.find("studio-count").getText().contains("共"));
            page.find("studio-new").click();
            page.find("example-intent").sendKeys("oos");
            page.find("example-text").sendKeys("明天北京下雨吗");
            page.find("studio-comment").sendKeys("天气不归我们管");
            page.find("studio-save").click();
            page.waitUntil("the example saved", () -> page.find("studio-saved").getText().contains("第 1 版"));
        }
    }

    @Test
    void the_versions_page_starts_a_training_shows_its_failure_and_runs_the_hit_test() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            Page page = new Page(browser.driver());
            browser.driver().get(server.base + "/agent/login?next=/studio/versions.html");
            page.find("account-login").sendKeys("wang");
            page.find("account-password").sendKeys(PASSWORD);
            page.find("account-login-submit").click();
            page.waitUntil("the versions page", () -> browser.driver().getCurrentUrl().endsWith("/studio/versions.html")
                    && page.ready());
            assertThat(page.find("published").getText()).contains("模型文件");
            page.find("train").click();
            page.waitUntil("the comment is required", () -> page.find("versions-error").getText().contains("说明"));
            page.find("train-comment").sendKeys("试训练");
            page.find("train").click();
            page.waitUntil("the failed version", () -> browser.driver()
                    .findElements(By.cssSelector("[data-testid=version-row][data-status=failed]")).size() == 1);
            assertThat(page.find("versions").getText()).contains("失败").contains("trains no models");
            page.find("hit-text").sendKeys("退款多久到账\n");
            page.waitUntil("the hit test", () -> page.find("hit-result").getText().contains("线上版本"));
            assertThat(page.find("hit-result").getText()).contains("answer").contains("refund").contains("还没有训练好的版本");
        }
    }

    @Test
    void the_form_module_passes_its_unit_tests_and_the_page_runs_under_the_module_policy() throws Exception {
        assertThat(server.get("/studio/").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(server.get("/studio/no-such.js").statusCode()).isEqualTo(404);
        assertThat(server.get("/studio/..%2Fagent.html").statusCode()).isEqualTo(404);
        try (HeadlessChromium browser = HeadlessChromium.start(800, 600)) {
            Page page = new Page(browser.driver());
            browser.driver().get(server.base + "/studio/form-test.html");
            page.waitUntil("the unit tests", () -> page.find("unit-result").getText().contains("passed"));
            assertThat(page.find("unit-result").getText()).endsWith(" 0 failed").doesNotStartWith("0 passed");
        }
    }

    private record Page(WebDriver driver) {
        WebElement find(String testId) {
            return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        }

        java.util.List<WebElement> items() {
            return driver.findElements(By.cssSelector("[data-testid=studio-item]"));
        }

        java.util.List<WebElement> history() {
            return driver.findElements(By.cssSelector("[data-testid=history-change]"));
        }

        boolean ready() {
            return "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready"));
        }

        void waitUntil(String what, BooleanSupplier condition) {
            new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage("waiting for " + what)
                    .until(d -> condition.getAsBoolean());
        }
    }
}
