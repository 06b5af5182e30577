package dev.kefu.dialog.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CuesTest {
    private final Cues cues = Cues.shipped();

    @Test
    void rejections_are_whole_messages_with_an_optional_particle() {
        assertThat(cues.rejects("不是这个")).isTrue();
        assertThat(cues.rejects("没用啊")).isTrue();
        assertThat(cues.rejects("不对!")).isTrue();
        assertThat(cues.rejects("不是这个问题，我问的是退款")).isFalse();
    }

    @Test
    void acceptance_and_more() {
        assertThat(cues.accepts("好的")).isTrue();
        assertThat(cues.accepts("需要")).isTrue();
        assertThat(cues.accepts("好的谢谢你们的帮助")).isFalse();
        assertThat(cues.asksForMore("然后呢?")).isTrue();
        assertThat(cues.leansOnContext("那怎么冻结?")).isTrue();
        assertThat(cues.leansOnContext("信用卡的呢")).isTrue();
        assertThat(cues.leansOnContext("怎么冻结")).isFalse();
    }

    @Test
    void a_choice_is_a_number_or_an_ordinal_within_the_options() {
        assertThat(cues.choice("1", 2)).isEqualTo(OptionalInt.of(1));
        assertThat(cues.choice("第二个", 2)).isEqualTo(OptionalInt.of(2));
        assertThat(cues.choice("选3吧", 3)).isEqualTo(OptionalInt.of(3));
        assertThat(cues.choice("后者", 2)).isEqualTo(OptionalInt.of(2));
        assertThat(cues.choice("3", 2)).isEmpty();
        assertThat(cues.choice("12", 2)).isEmpty();
        assertThat(cues.choice("退款", 2)).isEmpty();
    }

    @Test
    void two_problems_are_joined_by_a_word_or_a_comma() {
        assertThat(cues.joinsTwo("付款失败而且账号好像被盗了")).isTrue();
        assertThat(cues.joinsTwo("付款失败，账号也被盗了")).isTrue();
        assertThat(cues.joinsTwo("付款失败")).isFalse();
    }
}
