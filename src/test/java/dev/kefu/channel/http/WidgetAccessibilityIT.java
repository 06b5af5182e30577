package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The widget for fingers, keyboards and screen readers, in a real headless Chromium against the
 * shaded jar (with a hotline configured): touch targets, the phone's modal panel, the tab order on
 * the demo page, the hotline shown as the bot gives it, and axe-core's rules in every state.
 */
class WidgetAccessibilityIT {
    private static final String HOTLINE = "95000-8888";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;
    private static String axe;

    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private WidgetPage widget;

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir, Map.of("KEFU_HOTLINE", HOTLINE));
        try (InputStream in = WidgetAccessibilityIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "WidgetAccessibilityIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 800);
        driver = chromium.driver();
        widget = new WidgetPage(driver);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void on_a_phone_every_target_is_at_least_44_px_square() {
        chromium.viewport(390, 844, true);
        askRefund();
        List<Map<String, Object>> small = targetsUnder(44);
        assertThat(widget.all("[data-testid=kefu-helpful]")).isNotEmpty();
        assertThat(widget.all("[data-testid=kefu-chip]")).isNotEmpty();
        assertThat(small).as("buttons and fields smaller than 44 x 44 px").isEmpty();
    }

    @Test
    void on_a_phone_the_panel_is_modal_keeps_the_focus_and_the_page_does_not_scroll() {
        chromium.viewport(390, 844, true);
        askRefund();
        WebElement panel = widget.find("kefu-panel");
        assertThat(panel.getAttribute("aria-modal")).isEqualTo("true");
        assertThat(widget.js("return getComputedStyle(document.documentElement).overflow + ' ' + getComputedStyle(document.body).overflow"))
                .isEqualTo("hidden hidden");

        widget.find("kefu-close").sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(widget.focused()).as("Shift+Tab from the first stop goes to the last (send is disabled)").isEqualTo("kefu-input");
        for (int i = 0; i < 25; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(widget.js("return document.activeElement && document.activeElement.tagName")).as("focus after " + (i + 1) + " Tabs")
                    .isEqualTo("KEFU-CHAT");
            assertThat(widget.focused()).isNotNull();
        }
        assertThat(widget.focused()).isNotEqualTo("kefu-launcher");

        widget.find("kefu-close").click();
        assertThat(widget.find("kefu-panel").getAttribute("aria-modal")).isNull();
        assertThat(widget.js("return getComputedStyle(document.documentElement).overflow")).isEqualTo("visible");
    }

    @Test
    void on_a_desktop_the_launcher_follows_the_skip_link_and_the_panel_is_not_modal() {
        driver.get(server.url());
        widget.loaded();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("跳到主要内容");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(widget.focused()).isEqualTo("kefu-launcher");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(widget.visible("kefu-panel")).isTrue();
        assertThat(widget.find("kefu-panel").getAttribute("aria-modal")).isNull();
        assertThat(widget.js("return getComputedStyle(document.documentElement).overflow")).isEqualTo("visible");
    }

    @Test
    void the_demo_page_shows_the_configured_hotline_and_the_bot_gives_the_same() {
        driver.get(server.url());
        widget.loaded();
        assertThat(driver.findElement(By.cssSelector("[data-testid=hotline]")).getText()).isEqualTo(HOTLINE);
        assertThat(driver.findElement(By.cssSelector("[data-testid=hotline-header]")).getAttribute("textContent")).isEqualTo(HOTLINE);
        widget.find("kefu-launcher").click();
        widget.find("kefu-input").sendKeys("客服热线是多少", Keys.ENTER);
        assertThat(widget.awaitNew("bot", 1)).contains(HOTLINE);
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation_in_the_widget_in_any_state() throws Exception {
        driver.get(server.url());
        widget.loaded();
        assertThat(violations()).as("closed").isEmpty();
        askRefund();
        assertThat(violations()).as("open on a desktop, an answer with thumbs and chips").isEmpty();
        widget.find("kefu-input").sendKeys("很长".repeat(260));
        assertThat(widget.visible("kefu-limit")).isTrue();
        assertThat(violations()).as("the length notice").isEmpty();
        widget.find("kefu-input").clear();
        widget.find("kefu-human").click();
        widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff"));
        assertThat(violations()).as("waiting for a person").isEmpty();
        chromium.viewport(390, 844, true);
        assertThat(violations()).as("full screen on a phone").isEmpty();
    }

    private void askRefund() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        int bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        widget.awaitNew("bot", bots);
    }

    /** Visible buttons and text fields of the widget smaller than {@code px} in either direction. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> targetsUnder(int px) {
        return (List<Map<String, Object>>) widget.js("const root = document.querySelector('kefu-chat').shadowRoot;"
                + " return Array.from(root.querySelectorAll('button, textarea')).filter(e => e.getClientRects().length)"
                + ".map(e => { const r = e.getBoundingClientRect(); return {id: e.getAttribute('data-testid'),"
                + " w: Math.round(r.width), h: Math.round(r.height)}; }).filter(t => t.w < arguments[0] || t.h < arguments[0]);", px);
    }

    /** axe-core's serious and critical violations inside the widget, one line each. */
    @SuppressWarnings("unchecked")
    private List<String> violations() {
        if (!Boolean.TRUE.equals(widget.js("return typeof window.axe === 'object'"))) {
            widget.js(axe);
        }
        List<String> found = (List<String>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run({include: [['kefu-chat']]}, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return found;
    }
}
