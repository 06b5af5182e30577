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

    @Test
    void repairs_and_steps_that_did_not_help_are_found_inside_longer_messages() {
        assertThat(cues.repairs("你说的这个不是我要问的啊")).isTrue();
        assertThat(cues.repairs("你这完全答非所问嘛")).isTrue();
        assertThat(cues.repairs("不是这个")).isTrue();
        assertThat(cues.repairs("退款多久到账")).isFalse();
        assertThat(cues.saysStillNotSolved("都按你说的试过了还是付不了")).isTrue();
        assertThat(cues.saysStillNotSolved("卡是我本人的 可还是绑不上")).isTrue();
        assertThat(cues.saysStillNotSolved("还是不行")).isTrue();
        assertThat(cues.repairs("还是不行")).as("the steps failed: not a wrong answer").isFalse();
        assertThat(cues.saysStillNotSolved("付款失败怎么办")).isFalse();
    }

    @Test
    void requests_for_a_person_in_other_words_and_cancelling_one() {
        assertThat(cues.complains("我要投诉，你们这个服务太差了")).isTrue();
        assertThat(cues.complains("我要投诉，投诉渠道在哪里")).as("a question about complaining").isFalse();
        assertThat(cues.asksForPerson("叫你们经理出来跟我说")).isTrue();
        assertThat(cues.asksForPerson("是真人在回复吗")).isTrue();
        assertThat(cues.asksForPerson("火星上有人吗")).isFalse();
        assertThat(cues.cancelsHandoff("取消转人工")).isTrue();
        assertThat(cues.cancelsHandoff("算了，不用转人工了")).isTrue();
        assertThat(cues.cancelsHandoff("算了还是转人工吧")).isFalse();
    }

    @Test
    void money_lost_and_vague_messages() {
        assertThat(cues.losesMoney("钱没了")).isTrue();
        assertThat(cues.losesMoney("我把验证码告诉了一个陌生人")).isTrue();
        assertThat(cues.losesMoney("退款多久到账")).isFalse();
        assertThat(cues.isVague("账户那边好像出了点问题")).isTrue();
        assertThat(cues.isVague("银行卡的事想问下")).isTrue();
        assertThat(cues.isVague("密码的问题")).isTrue();
        assertThat(cues.isVague("退款")).as("a topic alone, no filler").isFalse();
        assertThat(cues.isVague("支付密码忘了")).isFalse();
        assertThat(cues.isVague("账户被冻结了")).isFalse();
    }
}
