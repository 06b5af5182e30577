package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's versions page in headless Chromium against the shaded jar on SQLite, with real
 * training: an admin trains the draft and watches its progress until it is ready, reads its
 * report (accuracy and precision against the serving model files, the five seeds, the gate),
 * publishes it and sees the version in use switch on the page and in {@code /health}; a second
 * training is published over it and the admin rolls back to the first from the page. axe-core
 * finds nothing serious or critical on the page with a report shown. Trains twice (a few minutes):
 * a rollback needs a version published before the one serving.
 */
class StudioVersionsBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "studio-versions-password";
    private static final Duration TRAINING = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    @BeforeAll
    static void readAxe() throws Exception {
        HeadlessChromium.requireInstalled();
    }

    @Test
    void an_admin_trains_reads_the_report_publishes_and_rolls_back_from_the_page() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("kefu.db");
        cli("corpus", "import", "--dir", "corpus", "--db", db);
        cli("agents", "add", "--login", "wang", "--name", "王经理", "--role", "admin", "--db", db);
        Path home = Files.createDirectories(dir.resolve("serve"));
        try (KefuProcess server = KefuProcess.start(home, Map.of(), List.of("--db", db, "--studio-cv-folds", "2"));
             HeadlessChromium browser = HeadlessChromium.start(1280, 1000)) {
            try {
                walk(server, browser);
            } finally {
                Files.copy(server.log(), Path.of("target", "StudioVersionsBrowserIT-serve.log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void walk(KefuProcess server, HeadlessChromium browser) throws Exception {
        Page page = new Page(browser.driver());
        browser.driver().get(server.url() + "agent/login?next=/studio/versions.html");
        page.find("account-login").sendKeys("wang");
        page.find("account-password").sendKeys(PASSWORD);
        page.find("account-login-submit").click();
        page.waitUntil("the versions page", Duration.ofSeconds(20), () -> browser.driver().getCurrentUrl()
                .endsWith("/studio/versions.html") && page.ready());
        assertThat(page.find("published").getText()).contains("模型文件");
        assertThat(version(server)).isEqualTo("files");

        String progress = train(page, 1, "补充问法后的第一版");
        assertThat(progress).as("the progress shown while training, in words")
                .matches("第 1 版训练中：(排队中|训练模型|载入模型|交叉验证|在 eval\\.tsv 上评估|评估线上版本).*");
        page.view(1);
        String report = page.find("version-detail").getText();
        assertThat(report).as("compared with the serving files, measured before").containsPattern(
                "答案准确率 \\d+\\.\\d%（线上 \\d+\\.\\d%），答案精确率 \\d+\\.\\d%（线上 \\d+\\.\\d%）");
        assertThat(report).contains("回归检查通过", "五个种子问题", "结果变化的评估句");
        assertThat(page.find("version-detail").findElements(By.cssSelector("ol")).get(0)
                .findElements(By.tagName("li"))).as("the seed's five answers").hasSize(5);
        assertThat(page.violations()).as("axe-core, the versions page with a report").isEmpty();
        browser.screenshot("studio-versions-report");

        page.find("publish").click();
        page.waitUntil("the publish", Duration.ofSeconds(30), () -> page.find("train-progress").getText().equals("已发布：第 1 版"));
        assertThat(page.find("published").getText()).startsWith("线上版本：第 1 版（wang，");
        assertThat(page.row(1).getText()).contains("1（线上）");
        assertThat(version(server)).isEqualTo("1");

        train(page, 2, "再训练一版");
        page.view(2);
        assertThat(page.find("version-detail").getText()).contains("回归检查通过");
        page.find("publish").click();
        page.waitUntil("the second publish", Duration.ofSeconds(30), () -> page.find("published").getText().contains("第 2 版"));
        assertThat(version(server)).isEqualTo("2");

        page.view(1);
        page.find("rollback").click();
        page.waitUntil("a reason is required", Duration.ofSeconds(15), () -> page.find("versions-error").getText().contains("原因"));
        assertThat(version(server)).as("nothing switched without a reason").isEqualTo("2");
        page.find("publish-reason").sendKeys("第 2 版有问题，回到第 1 版");
        page.find("rollback").click();
        page.waitUntil("the rollback", Duration.ofSeconds(30), () -> page.find("train-progress").getText().equals("已回滚：第 1 版"));
        assertThat(page.find("published").getText()).startsWith("线上版本：第 1 版");
        assertThat(page.row(1).getText()).contains("1（线上）");
        assertThat(page.row(2).getText()).doesNotContain("线上");
        assertThat(version(server)).isEqualTo("1");
        assertThat(page.find("versions-error").isDisplayed()).isFalse();
        assertThat(page.violations()).as("axe-core, after the rollback").isEmpty();
    }

    /**
     * Starts a training from the page and waits for version {@code id} to be ready; returns the
     * first progress line the page showed.
     */
    private static String train(Page page, long id, String comment) {
        page.find("train-comment").sendKeys(comment);
        page.find("train").click();
        String[] seen = new String[1];
        page.waitUntil("the progress", Duration.ofSeconds(30), () -> {
            WebElement progress = page.find("train-progress");
            if (progress.isDisplayed() && !progress.getText().isEmpty()) {
                assertThat(page.find("train-progress-bar").isDisplayed()).as("the bar beside " + progress.getText()).isTrue();
                seen[0] = progress.getText();
            }
            return seen[0] != null || page.status(id).equals("ready");
        });
        page.waitUntil("version " + id + " trained", TRAINING, () -> Set.of("ready", "failed").contains(page.status(id)));
        assertThat(page.status(id)).as(page.row(id).getText()).isEqualTo("ready");
        page.waitUntil("the progress to go", Duration.ofSeconds(10), () -> !page.find("train-progress").isDisplayed()
                && !page.find("train-progress-bar").isDisplayed());
        return seen[0];
    }

    private static String version(KefuProcess server) throws Exception {
        return JSON.readTree(server.get("health").body()).get("model").get("version").asText();
    }

    private static void cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private record Page(WebDriver driver) {
        WebElement find(String testId) {
            return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        }

        WebElement row(long id) {
            return driver.findElement(By.cssSelector("[data-testid=version-row][data-version='" + id + "']"));
        }

        /** The status of version {@code id}'s row, or "" while the page does not list it. */
        String status(long id) {
            List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=version-row][data-version='" + id + "']"));
            return rows.isEmpty() ? "" : rows.get(0).getAttribute("data-status");
        }

        /** Opens version {@code id}'s report. */
        void view(long id) {
            row(id).findElement(By.cssSelector("[data-testid=version-view]")).click();
            waitUntil("version " + id + "'s report", Duration.ofSeconds(15), () -> find("version-detail").isDisplayed()
                    && driver.findElement(By.id("detail-title")).getText().equals("第 " + id + " 版"));
        }

        boolean ready() {
            return "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready"));
        }

        Object js(String script) {
            return ((JavascriptExecutor) driver).executeScript(script);
        }

        void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
            // the page re-renders its table while polling: an element read while it was replaced is read again
            new WebDriverWait(driver, timeout, Duration.ofMillis(500)).withMessage("waiting for " + what)
                    .ignoring(StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
        }

        /** axe-core's serious and critical violations on the page, one line each. */
        List<String> violations() {
            return AxeCore.seriousViolations((JavascriptExecutor) driver);
        }
    }
}
