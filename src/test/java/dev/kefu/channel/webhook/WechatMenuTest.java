package dev.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WeChat menu file: EventKey = faq:ID or EventKey = message, errors with file:line. */
class WechatMenuTest {
    @TempDir
    Path dir;

    @Test
    void a_click_maps_to_an_faq_answer_or_to_a_message() throws Exception {
        Path file = Files.writeString(dir.resolve("menu.txt"), "# 菜单\n\nREFUND = faq:refund-time\nHUMAN=转人工\n");
        WechatMenu menu = WechatMenu.read(file, Map.of("refund-time", "退款 3 至 5 个工作日到账"));
        assertThat(menu.target("REFUND")).hasValueSatisfying(t -> assertThat(t.reply()).isEqualTo("退款 3 至 5 个工作日到账"));
        assertThat(menu.target("HUMAN")).hasValueSatisfying(t -> assertThat(t.message()).isEqualTo("转人工"));
        assertThat(menu.target("OTHER")).isEmpty();
        assertThat(menu.target(null)).isEmpty();
    }

    @Test
    void a_bad_line_an_unknown_faq_id_or_a_key_listed_twice_names_the_file_and_line() throws Exception {
        Path noEquals = Files.writeString(dir.resolve("a.txt"), "OK=hi\nBROKEN\n");
        assertThatThrownBy(() -> WechatMenu.read(noEquals, Map.of())).hasMessageStartingWith(noEquals + ":2: expected");
        Path unknown = Files.writeString(dir.resolve("b.txt"), "K=faq:nope\n");
        assertThatThrownBy(() -> WechatMenu.read(unknown, Map.of())).hasMessage(unknown + ":1: no FAQ entry nope (see corpus/faq.*)");
        Path twice = Files.writeString(dir.resolve("c.txt"), "K=a\nK=b\n");
        assertThatThrownBy(() -> WechatMenu.read(twice, Map.of())).hasMessageContaining(":2: EventKey K is listed twice");
        assertThatThrownBy(() -> WechatMenu.read(dir.resolve("missing.txt"), Map.of())).hasMessageContaining("cannot read");
    }
}
