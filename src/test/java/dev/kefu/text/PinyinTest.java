package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinyinTest {
    private final Pinyin pinyin = Pinyin.of(texts());

    private static List<String> texts() {
        List<String> texts = new java.util.ArrayList<>(List.of("退款多久到账？", "忘记支付密码怎么办", "付款失败怎么办",
                "谢谢", "好的", "提现", "提取现金"));
        for (int i = 0; i < 5; i++) { // common phrases, as in the FAQ's answers
            texts.add("请回复「转人工」");
            texts.add("忘记密码了");
        }
        return texts;
    }

    @Test
    void spaced_pinyin_is_read_as_the_words_of_the_texts() {
        assertThat(pinyin.toHanzi("tui kuan duo jiu dao zhang")).isEqualTo("退款多久到账");
        assertThat(pinyin.toHanzi("fu kuan shi bai zen me ban")).isEqualTo("付款失败怎么办");
        assertThat(pinyin.toHanzi("hao de xie xie")).isEqualTo("好的谢谢");
    }

    @Test
    void pinyin_without_spaces_is_cut_into_syllables() {
        assertThat(pinyin.toHanzi("tuikuanduojiudaozhang")).isEqualTo("退款多久到账");
        assertThat(pinyin.toHanzi("zhuanrengong")).isEqualTo("转人工");
    }

    @Test
    void initials_of_a_phrase_of_the_texts_are_read_as_it() {
        assertThat(pinyin.toHanzi("zrg")).isEqualTo("转人工");
        assertThat(pinyin.toHanzi("wjmm")).isEqualTo("忘记密码");
    }

    @Test
    void english_chinese_and_unknown_letters_are_left_as_they_are() {
        assertThat(pinyin.toHanzi("ok")).isEqualTo("ok");
        assertThat(pinyin.toHanzi("thx")).as("an English abbreviation").isEqualTo("thx");
        assertThat(pinyin.toHanzi("tqxj")).as("a phrase seen once is not read from its initials").isEqualTo("tqxj");
        assertThat(pinyin.toHanzi("app")).isEqualTo("app");
        assertThat(pinyin.toHanzi("hello")).isEqualTo("hello");
        assertThat(pinyin.toHanzi("qwxz")).isEqualTo("qwxz");
        assertThat(pinyin.toHanzi("退款 tui kuan")).isEqualTo("退款 tui kuan");
        assertThat(pinyin.toHanzi("hao")).as("one syllable is too little to tell").isEqualTo("hao");
        assertThat(Pinyin.NONE.toHanzi("tui kuan")).isEqualTo("tui kuan");
    }
}
