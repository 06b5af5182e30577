package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core's rules on the agent's pages, in a real headless Chromium against the shaded jar: the
 * login page, the console (token form, empty queue, a ticket open with its transcript, the notes
 * panel, a phone's width) and the reports page have no serious or critical violation.
 */
class AgentAccessibilityIT {
    private static final String TOKEN = "a11y-test-token";
    private static final String PASSWORD = "a11y-desk-password-1";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir, Map.of("KEFU_AGENT_TOKEN", TOKEN));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"agents", "add", "--login", "wang", "--name", "王经理", "--role", "admin",
                "--db", "jdbc:sqlite:" + serverDir.resolve("kefu.db")},
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "AgentAccessibilityIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation_on_the_agent_pages_in_any_state() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(1280, 800)) {
            ChromeDriver driver = chromium.driver();
            List<String> found = new ArrayList<>();
            driver.get(server.url() + "agent");
            waitUntil(driver, "the token form", () -> find(driver, "login").isDisplayed());
            check(driver, "the console's token form", found);

            driver.get(server.url() + "agent/login");
            check(driver, "the login page", found);
            find(driver, "account-login").sendKeys("wang");
            find(driver, "account-password").sendKeys("not-the-password");
            find(driver, "account-login-submit").click();
            waitUntil(driver, "the login error", () -> find(driver, "account-login-error").isDisplayed());
            check(driver, "the login page with an error", found);
            find(driver, "account-password").clear();
            find(driver, "account-password").sendKeys(PASSWORD);
            find(driver, "account-login-submit").click();
            waitUntil(driver, "the console", () -> driver.getCurrentUrl().endsWith("/agent") && find(driver, "console").isDisplayed());
            waitUntil(driver, "the live stream", () -> "live".equals(find(driver, "connection").getAttribute("data-state")));
            waitUntil(driver, "the empty queue", () -> !driver.findElements(By.cssSelector("[data-testid=no-tickets]")).isEmpty());
            check(driver, "the console with an empty queue", found);

            String conversation = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.say(null, "退款多久到账").body())
                    .get("conversationId").asText();
            server.say(conversation, "转人工");
            String item = "[data-testid=ticket-item][data-conversation='" + conversation + "']";
            waitUntil(driver, "the ticket", () -> !driver.findElements(By.cssSelector(item)).isEmpty());
            driver.findElement(By.cssSelector(item)).click();
            waitUntil(driver, "the transcript", () -> driver.findElements(By.cssSelector("[data-testid=message]")).size() >= 3);
            check(driver, "a waiting ticket open with its transcript", found);
            find(driver, "claim").click();
            waitUntil(driver, "the claim", () -> "assigned".equals(find(driver, "ticket").getAttribute("data-status")));
            check(driver, "a claimed ticket with the FAQ suggestions", found);

            find(driver, "worksheet-toggle").click();
            find(driver, "note-text").sendKeys("用户已提供订单号");
            find(driver, "note-add").click();
            waitUntil(driver, "the note", () -> find(driver, "note-list").getText().contains("订单号"));
            check(driver, "the notes panel open with a note", found);

            find(driver, "close").click();
            waitUntil(driver, "the close dialog", () -> find(driver, "confirm").isDisplayed());
            check(driver, "the close dialog", found);
            find(driver, "confirm-cancel").click();

            chromium.viewport(390, 844, true);
            check(driver, "the console at a phone's width", found);
            find(driver, "filter-ended").click();
            check(driver, "the ended list at a phone's width", found);
            chromium.viewport(1280, 800, false);

            driver.get(server.url() + "agent/reports");
            waitUntil(driver, "the report", () -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
            check(driver, "the reports page", found);
            assertThat(found).as("serious or critical violations, by state").isEmpty();
        }
    }

    /** Adds axe-core's serious and critical violations on the page, in {@code state}, to {@code found}. */
    private static void check(ChromeDriver driver, String state, List<String> found) {
        violations(driver).forEach(v -> found.add(state + ": " + v));
    }

    /** axe-core's serious and critical violations on the page, one line each. */
    private static List<String> violations(ChromeDriver driver) {
        return AxeCore.seriousViolations(driver);
    }

    private static WebElement find(ChromeDriver driver, String testId) {
        return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    }

    private static void waitUntil(ChromeDriver driver, String what, BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage("waiting for " + what).until(d -> condition.getAsBoolean());
    }
}
