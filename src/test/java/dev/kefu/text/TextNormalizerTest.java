package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());

    @Test
    void full_width_letters_digits_and_punctuation_become_half_width() {
        assertThat(normalizer.normalize("ＰＡＹ不了１２３？")).isEqualTo("pay不了123?");
    }

    @Test
    void traditional_characters_become_simplified() {
        assertThat(normalizer.normalize("帳號被盜了怎麼辦")).isEqualTo("帐号被盗了怎么办");
        assertThat(normalizer.normalize("退款多久到賬")).isEqualTo("退款多久到账");
    }

    @Test
    void latin_text_is_lower_cased() {
        assertThat(normalizer.normalize("Refund 多久到")).isEqualTo("refund 多久到");
    }

    @Test
    void emoji_with_modifiers_and_joiners_are_removed() {
        assertThat(normalizer.normalize("付款失败了😭😭👍🏻❤️")).isEqualTo("付款失败了");
        assertThat(normalizer.normalize("👨‍👩‍👧")).isEmpty();
    }

    @Test
    void runs_of_the_same_punctuation_collapse_to_one() {
        assertThat(normalizer.normalize("怎么回事！！！？？？")).isEqualTo("怎么回事!?");
        assertThat(normalizer.normalize("。。。。")).isEqualTo("。");
    }

    @Test
    void whitespace_is_collapsed_trimmed_and_dropped_between_chinese_characters() {
        assertThat(normalizer.normalize("  退 款\t多久\n到账  ")).isEqualTo("退款多久到账");
        assertThat(normalizer.normalize("pay   不了")).isEqualTo("pay 不了");
        assertThat(normalizer.normalize("\u3000转人工\u3000")).isEqualTo("转人工");
    }

    @Test
    void blank_and_control_only_input_normalizes_to_empty() {
        assertThat(normalizer.normalize("")).isEmpty();
        assertThat(normalizer.normalize(" \t\n ")).isEmpty();
        assertThat(normalizer.normalize("\u0000\u200b")).isEmpty();
    }

    @Test
    void table_maps_whole_cjk_block_not_a_handful_of_characters() {
        ChineseVariants variants = ChineseVariants.icu();
        int mapped = 0;
        for (char c = 0x4E00; c <= 0x9FFF; c++) {
            mapped += variants.simplify(c) != c ? 1 : 0;
        }
        assertThat(mapped).as("traditional characters with a simplified form").isGreaterThan(2000);
        assertThat(variants.toSimplified("體驗臺灣")).isEqualTo("体验台湾");
    }
}
