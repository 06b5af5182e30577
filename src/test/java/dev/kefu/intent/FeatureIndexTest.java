package dev.kefu.intent;

import static dev.kefu.intent.ClassifierFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.text.Tokens;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {
    private static final String LONG = "很".repeat(70); // longer than the table of powers of 31

    @Test
    void pieces_are_found_as_the_whole_feature_string_would_be() {
        // "Aa" and "BB" have the same String.hashCode, so their features collide and must be told apart in place
        FeatureIndex index = FeatureIndex.of(Map.of("w=Aa", 0, "w=BB", 1, "b=Aa_BB", 2, "b=BB_Aa", 3,
                "c=^退", 4, "c=款$", 5, "w=" + LONG, 6, "b=" + LONG + "_x", 7));
        assertThat(index.word("Aa")).isEqualTo(0);
        assertThat(index.word("BB")).isEqualTo(1);
        assertThat(index.bigram("Aa", "BB")).isEqualTo(2);
        assertThat(index.bigram("BB", "Aa")).isEqualTo(3);
        assertThat(index.gram("^退款$", 0, 2)).isEqualTo(4);
        assertThat(index.gram("^退款$", 2, 4)).isEqualTo(5);
        assertThat(index.word(LONG)).isEqualTo(6);
        assertThat(index.bigram(LONG, "x")).isEqualTo(7);
        assertThat(index.get("w=BB")).isEqualTo(1);
        assertThat(index.keys()).hasSize(8).contains("c=^退", "w=" + LONG);
    }

    @Test
    void a_piece_matching_only_part_of_a_key_is_not_found() {
        FeatureIndex index = FeatureIndex.of(Map.of("w=退款", 0, "b=退_款", 1, "c=退款", 2));
        assertThat(index.word("退")).isEqualTo(-1);
        assertThat(index.word("退款了")).isEqualTo(-1);
        assertThat(index.bigram("退款", "")).isEqualTo(-1);
        assertThat(index.bigram("退", "款了")).isEqualTo(-1);
        assertThat(index.gram("退款", 0, 1)).isEqualTo(-1);
        assertThat(index.gram("x退款", 1, 3)).isEqualTo(2);
        assertThat(index.get("c=退款")).isEqualTo(2); // a c= key is not a word
        assertThat(index.word("款")).isEqualTo(-1);
        assertThat(FeatureIndex.of(Map.of()).word("退款")).isEqualTo(-1);
    }

    @Test
    void negative_numbers_are_refused() {
        assertThatThrownBy(() -> FeatureIndex.of(Map.of("w=a", -1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rows_are_the_numbers_of_the_feature_strings_in_order_with_repeats() {
        List<String> texts = List.of("退款多久到账", "退款 退款 退款", "我的账号被盗了!!", "a", "", "  ", "付款 失败 了 怎么办",
                "hello 智能 app 转人工", "哈哈哈哈哈哈", "😀😀 付款", LONG + " 很好");
        for (boolean bigrams : new boolean[] {true, false}) {
            // half of the features known, so that rows() must also leave the unknown ones out
            Map<String, Integer> numbers = new HashMap<>();
            for (String text : texts) {
                for (String feature : IntentFeatures.of(tokens(text), bigrams)) {
                    if (feature.hashCode() % 2 == 0) {
                        numbers.putIfAbsent(feature, numbers.size() * 3 + 1);
                    }
                }
            }
            FeatureIndex index = FeatureIndex.of(numbers);
            for (String text : texts) {
                Tokens tokens = tokens(text);
                int[] expected = Arrays.stream(IntentFeatures.of(tokens, bigrams))
                        .filter(numbers::containsKey).mapToInt(numbers::get).toArray();
                assertThat(IntentFeatures.rows(tokens, bigrams, index)).as(text).containsExactly(expected);
            }
        }
    }

}
