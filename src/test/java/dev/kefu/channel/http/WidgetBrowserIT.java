package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The demo page and the chat widget in a real headless Chromium, against the shaded jar serving on
 * a free port. Every test gets a fresh browser profile, hence a fresh conversation.
 */
class WidgetBrowserIT {
    private static final String REFUND_ANSWER = "3 至 5 个工作日";

    @TempDir
    static Path serverDir;
    private static KefuProcess server;

    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private WidgetPage widget;

    @BeforeAll
    static void startServer() throws Exception {
        HeadlessChromium.requireInstalled();
        server = KefuProcess.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            Files.copy(server.log(), Path.of("target", "WidgetBrowserIT-serve.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
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
    void a_visitor_asks_follows_a_suggestion_hands_off_and_finds_it_all_again_after_a_reload() throws Exception {
        driver.get(server.url());
        widget.loaded();
        assertThat(widget.visible("kefu-panel")).isFalse();

        widget.find("kefu-launcher").click();
        assertThat(widget.visible("kefu-panel")).isTrue();
        assertThat(widget.focused()).isEqualTo("kefu-input");
        assertThat(widget.find("kefu-launcher").getAttribute("aria-expanded")).isEqualTo("true");

        int bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        String answer = widget.awaitNew("bot", bots);
        assertThat(answer).contains(REFUND_ANSWER);
        assertThat(widget.texts("user")).containsExactly("退款多久到账");
        assertThat(widget.find("kefu-input").getAttribute("value")).isEmpty();
        assertThat(widget.all("[data-testid=kefu-time]")).allSatisfy(
                time -> assertThat(time.getText()).matches("\\d{2}:\\d{2}"));

        List<WebElement> groups = widget.all("[data-testid=kefu-chips]");
        List<WebElement> chips = groups.get(groups.size() - 1).findElements(By.cssSelector("[data-testid=kefu-chip]"));
        assertThat(chips).isNotEmpty();
        String chip = chips.get(0).getText();
        bots = widget.texts("bot").size();
        chips.get(0).click();
        assertThat(widget.awaitNew("bot", bots)).isNotBlank().isNotEqualTo(answer);
        assertThat(widget.lastText("user")).isEqualTo(chip);

        widget.find("kefu-human").click();
        widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff"));
        WebElement handoff = widget.find("kefu-handoff");
        assertThat(handoff.getAttribute("data-state")).isEqualTo("waiting");
        assertThat(Integer.parseInt(handoff.getAttribute("data-position"))).isPositive();
        assertThat(handoff.getText()).startsWith("正在为您转接人工客服").containsPattern("第 \\d+ 位|前面还有 \\d+ 位");
        assertThat(widget.find("kefu-human").isEnabled()).isFalse();
        chromium.screenshot("desktop-1280x800-handoff");

        driver.navigate().refresh();
        widget.loaded();
        widget.waitUntil("the restored transcript", () -> widget.texts("user").size() == 3);
        assertThat(widget.visible("kefu-panel")).as("the panel stays open across a reload").isTrue();
        assertThat(widget.texts("user")).containsExactly("退款多久到账", chip, "转人工");
        assertThat(widget.texts("bot")).anySatisfy(text -> assertThat(text).contains(REFUND_ANSWER));
        widget.waitUntil("the waiting state after the reload", () -> widget.visible("kefu-handoff"));
        assertThat(widget.find("kefu-handoff").getAttribute("data-state")).isEqualTo("waiting");
    }

    @Test
    void a_person_is_offered_with_a_button_and_while_waiting_the_bot_answers_and_the_wait_can_be_cancelled() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        int bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("今天上海会下雨吗", Keys.ENTER);
        widget.awaitNew("bot", bots);
        bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("给我讲个笑话", Keys.ENTER);
        assertThat(widget.awaitNew("bot", bots)).contains("转人工");
        widget.waitUntil("the offer of a person", () -> widget.visible("kefu-offer-person"));
        assertThat(widget.visible("kefu-handoff")).as("offered, not handed off").isFalse();

        widget.find("kefu-offer-person").click();
        widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff"));
        assertThat(widget.find("kefu-handoff").getAttribute("data-state")).isEqualTo("waiting");
        assertThat(widget.visible("kefu-cancel-handoff")).isTrue();

        bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        assertThat(widget.awaitNew("bot", bots)).contains(REFUND_ANSWER).contains("取消转人工");
        assertThat(widget.find("kefu-handoff").getAttribute("data-state")).as("still in the queue").isEqualTo("waiting");

        bots = widget.texts("bot").size();
        widget.find("kefu-cancel-handoff").click();
        assertThat(widget.awaitNew("bot", bots)).contains("已为您取消转人工");
        widget.waitUntil("back with the bot", () -> !widget.visible("kefu-handoff"));
        assertThat(widget.lastText("user")).isEqualTo("取消转人工");
        assertThat(widget.find("kefu-human").isEnabled()).isTrue();
    }

    @Test
    void a_message_over_500_characters_is_never_cut_a_notice_says_how_much_is_over_and_it_is_not_sent() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        WebElement input = widget.find("kefu-input");
        String pasted = "我的订单号是多少".repeat(64) + "😀"; // 513 characters as the server counts them
        widget.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input, pasted);
        assertThat(input.getAttribute("value")).as("nothing cut").isEqualTo(pasted);
        assertThat(widget.visible("kefu-limit")).isTrue();
        assertThat(widget.find("kefu-limit").getText()).isEqualTo("已超出 500 字上限 13 字，请删减后再发送");
        assertThat(widget.find("kefu-send").isEnabled()).isFalse();
        input.sendKeys(Keys.ENTER);
        assertThat(widget.texts("user")).isEmpty();
        assertThat(input.getAttribute("value")).isEqualTo(pasted);

        widget.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input,
                pasted.substring(0, 500));
        assertThat(widget.find("kefu-limit").getText()).isEqualTo("已达到 500 字上限");
        assertThat(widget.find("kefu-send").isEnabled()).isTrue();
        int bots = widget.texts("bot").size();
        input.sendKeys(Keys.ENTER);
        widget.awaitNew("bot", bots);
        assertThat(widget.texts("user")).containsExactly(pasted.substring(0, 500));
        assertThat(widget.visible("kefu-limit")).isFalse();

        assertThat(widget.js("return window.kefu.ask(arguments[0])", pasted)).as("the page API refuses too").isEqualTo(false);
        assertThat(widget.find("kefu-input").getAttribute("value")).isEqualTo(pasted);
        assertThat(widget.visible("kefu-limit")).isTrue();
        assertThat(widget.texts("user")).hasSize(1);
    }

    @Test
    void with_no_hotline_set_the_demo_page_says_where_to_find_it_as_the_bot_does() {
        driver.get(server.url());
        widget.loaded();
        String shown = driver.findElement(By.cssSelector("[data-testid=hotline]")).getText();
        assertThat(shown).isNotBlank().doesNotContain("{{");
        widget.find("kefu-launcher").click();
        widget.find("kefu-input").sendKeys("客服热线是多少", Keys.ENTER);
        assertThat(widget.awaitNew("bot", 1)).contains(shown);
    }

    @Test
    void an_answer_has_thumbs_and_a_click_rates_it() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        int bots = widget.texts("bot").size();
        widget.find("kefu-input").sendKeys("退款多久到账", Keys.ENTER);
        widget.awaitNew("bot", bots);
        List<WebElement> unhelpful = widget.all("[data-testid=kefu-unhelpful]");
        assertThat(unhelpful).as("thumbs under the answer only, not under the greeting").hasSize(1);
        unhelpful.get(0).click();
        widget.waitUntil("the server to accept the rating",
                () -> "true".equals(widget.all("[data-testid=kefu-unhelpful]").get(0).getAttribute("aria-pressed")));
        assertThat(widget.find("kefu-helpful").getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(widget.visible("kefu-rated")).isTrue();
    }

    @Test
    void text_that_looks_like_html_is_shown_as_text_when_sent_and_when_restored() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        int bots = widget.texts("bot").size();
        String html = "<b>x</b><img src=x onerror=\"window.pwned=1\">";
        widget.find("kefu-input").sendKeys(html, Keys.ENTER);
        widget.awaitNew("bot", bots);

        driver.navigate().refresh();
        widget.loaded();
        widget.waitUntil("the restored transcript", () -> widget.texts("user").size() == 1);
        assertThat(widget.texts("user")).containsExactly(html);
        assertThat(widget.all("[data-testid=kefu-log] b, [data-testid=kefu-log] img")).isEmpty();
        assertThat(widget.js("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void the_keyboard_works_and_enter_does_not_send_while_an_ime_is_composing() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").sendKeys(Keys.ENTER);
        WebElement input = widget.find("kefu-input");
        input.sendKeys("tuikuan");
        widget.js("const input = arguments[0];"
                + "input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true}));"
                + "input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true}));", input);
        assertThat(input.getAttribute("value")).isEqualTo("tuikuan");
        assertThat(widget.texts("user")).isEmpty();

        input.sendKeys(Keys.ESCAPE);
        assertThat(widget.visible("kefu-panel")).isFalse();
        assertThat(widget.focused()).isEqualTo("kefu-launcher");
        assertThat(widget.find("kefu-launcher").getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void an_unreachable_server_shows_an_error_and_retry_sends_the_message() {
        driver.get(server.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        driver.executeCdpCommand("Network.enable", Map.of());
        offline(true);
        widget.find("kefu-input").sendKeys("忘记密码怎么办", Keys.ENTER);
        widget.waitUntil("the error state", () -> widget.visible("kefu-error"));
        assertThat(widget.find("kefu-error").getText()).contains("无法连接客服服务器");
        assertThat(widget.all("[data-testid=kefu-not-sent]")).hasSize(1);

        offline(false);
        int bots = widget.texts("bot").size();
        widget.find("kefu-retry").click();
        assertThat(widget.awaitNew("bot", bots)).contains("密码");
        assertThat(widget.visible("kefu-error")).isFalse();
        assertThat(widget.all("[data-testid=kefu-not-sent]")).isEmpty();
        assertThat(widget.texts("user")).containsExactly("忘记密码怎么办");
    }

    @Test
    void the_demo_page_quick_links_ask_the_widget_at_desktop_and_phone_width() throws Exception {
        driver.get(server.url());
        widget.loaded();
        assertThat(driver.findElements(By.cssSelector("[data-testid=common-questions] a")))
                .extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).endsWith("问智能客服 ›"))
                .hasSize(5);
        driver.findElement(By.cssSelector("[data-testid=common-questions] a[data-ask='退款多久到账？']")).click();
        assertThat(widget.visible("kefu-panel")).isTrue();
        assertThat(widget.awaitNew("bot", 1)).contains(REFUND_ANSWER);
        Path desktop = chromium.screenshot("desktop-1280x800");

        chromium.viewport(390, 844, true);
        driver.navigate().refresh();
        widget.loaded();
        widget.waitUntil("the restored answer", () -> widget.lastText("bot").contains(REFUND_ANSWER));
        Map<?, ?> panel = (Map<?, ?>) widget.js("const r = arguments[0].getBoundingClientRect();"
                + " return {w: r.width, h: r.height, top: r.top};", widget.find("kefu-panel"));
        assertThat(((Number) panel.get("w")).intValue()).as("full-screen on a phone").isEqualTo(390);
        assertThat(((Number) panel.get("h")).intValue()).isEqualTo(844);
        Path phone = chromium.screenshot("phone-390x844");

        widget.find("kefu-close").click();
        Path page = chromium.screenshot("phone-390x844-page");
        assertThat(List.of(desktop, phone, page)).allSatisfy(png -> assertThat(Files.size(png)).isPositive());
    }

    private void offline(boolean offline) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
