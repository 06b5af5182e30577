package dev.kefu.channel.http;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat widget as a test sees it: elements are found by their {@code data-testid} inside the
 * widget's shadow root, which is looked up afresh on every call (a reload replaces it).
 */
final class WidgetPage {
    private final WebDriver driver;

    WidgetPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Waits for the widget script to have run, then returns this. */
    WidgetPage loaded() {
        waitUntil("the widget to load", () -> Boolean.TRUE.equals(js("return !!(window.kefu && "
                + "document.querySelector('kefu-chat') && document.querySelector('kefu-chat').shadowRoot)")));
        return this;
    }

    SearchContext shadow() {
        return driver.findElement(By.cssSelector("kefu-chat")).getShadowRoot();
    }

    WebElement find(String testId) {
        return shadow().findElement(By.cssSelector("[data-testid=" + testId + "]"));
    }

    List<WebElement> all(String cssSelector) {
        return shadow().findElements(By.cssSelector(cssSelector));
    }

    boolean visible(String testId) {
        return find(testId).isDisplayed();
    }

    /** Texts of the message bubbles with {@code role} (user, bot, agent, system), in order. */
    @SuppressWarnings("unchecked")
    List<String> texts(String role) {
        return (List<String>) js("return Array.from(document.querySelector('kefu-chat').shadowRoot"
                + ".querySelectorAll('[data-testid=kefu-message][data-role=" + role + "] [data-testid=kefu-text]'))"
                + ".map(e => e.textContent)");
    }

    String lastText(String role) {
        List<String> texts = texts(role);
        return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
    }

    /** The {@code data-testid} of the element focused inside the widget, or null. */
    String focused() {
        return (String) js("const a = document.querySelector('kefu-chat').shadowRoot.activeElement;"
                + " return a ? a.getAttribute('data-testid') : null");
    }

    /** Waits until the number of {@code role} messages exceeds {@code before}; returns the newest text. */
    String awaitNew(String role, int before) {
        waitUntil("a new " + role + " message after " + before + " (" + texts(role) + ")",
                () -> texts(role).size() > before);
        return lastText(role);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage("waiting for " + what)
                .until(d -> condition.getAsBoolean());
    }
}
