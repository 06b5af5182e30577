package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The widget in a real headless Chromium, embedded in someone else's page and talking to a
 * scripted API ({@link FakeKefuApi}): queue moves, agent messages over SSE and by polling, the end
 * of a handoff, and text from the server that looks like HTML.
 */
class WidgetLiveEventsIT {
    private HeadlessChromium chromium;
    private FakeKefuApi api;
    private WidgetPage widget;

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.requireInstalled();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private void handOff(boolean streams) throws Exception {
        api = new FakeKefuApi(streams);
        chromium = HeadlessChromium.start(1280, 800);
        widget = new WidgetPage(chromium.driver());
        chromium.driver().get(api.url());
        widget.loaded();
        widget.find("kefu-launcher").click();
        widget.find("kefu-input").sendKeys("我要找人工", Keys.ENTER);
        widget.waitUntil("the waiting state", () -> widget.visible("kefu-handoff"));
    }

    @Test
    void the_page_styles_do_not_reach_the_widget_and_the_data_attributes_apply() throws Exception {
        handOff(true);
        assertThat(widget.find("kefu-panel").getText()).contains("测试客服", "测试问候语");
        WebElement launcher = widget.find("kefu-launcher");
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(0, 128, 0, 1)");
        assertThat(widget.find("kefu-text").getCssValue("font-size")).isEqualTo("14px");
        assertThat(launcher.getRect().getX()).as("data-position=bottom-left").isLessThan(100);
    }

    @Test
    void queue_moves_and_agent_messages_arrive_over_the_event_stream_as_text() throws Exception {
        handOff(true);
        assertThat(widget.lastText("bot")).isEqualTo(FakeKefuApi.HOSTILE_BOT_REPLY);
        assertThat(widget.find("kefu-handoff").getText()).contains("前面还有 2 位");

        api.push("status", FakeKefuApi.status("waiting", 1));
        widget.waitUntil("position 1", () -> widget.find("kefu-handoff").getText().contains("第 1 位"));
        api.push("status", FakeKefuApi.status("assigned", 0));
        api.push("message", FakeKefuApi.agentMessage());
        assertThat(widget.awaitNew("agent", 0)).isEqualTo(FakeKefuApi.AGENT_TEXT);
        assertThat(widget.find("kefu-handoff").getText()).contains("人工客服已接入");
        assertThat(widget.all("[data-testid=kefu-log] img, [data-testid=kefu-log] script")).isEmpty();
        assertThat(widget.js("return window.pwned === undefined")).isEqualTo(true);

        api.push("status", FakeKefuApi.status("bot", 0));
        assertThat(widget.awaitNew("system", 0)).contains("人工服务已结束");
        assertThat(widget.visible("kefu-handoff")).isFalse();
        assertThat(widget.find("kefu-human").isEnabled()).isTrue();
    }

    @Test
    void without_an_event_stream_the_widget_polls_the_transcript_for_agent_messages() throws Exception {
        handOff(false);
        api.agentJoins();
        assertThat(widget.awaitNew("agent", 0)).isEqualTo(FakeKefuApi.AGENT_TEXT);
        assertThat(widget.find("kefu-handoff").getAttribute("data-state")).isEqualTo("assigned");
        assertThat(widget.texts("agent")).hasSize(1);
    }
}
