package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void char_grams_with_markers_frame_the_message() {
        Tokens tokens = new Tokens("退款", List.of("退款"));
        assertThat(tokens.charGrams(1, 3, true))
                .containsExactly("退", "款", "^退", "退款", "款$", "^退款", "退款$");
    }

    @Test
    void char_grams_without_markers_skip_spaces() {
        Tokens tokens = new Tokens("pay 不了", List.of("pay", "不", "了"));
        assertThat(tokens.charGrams(2, 2, false)).containsExactly("pa", "ay", "不了");
    }

    @Test
    void grams_next_to_any_number_of_spaces_match_cutting_out_every_substring() {
        for (String text : List.of(" 付款 失败  了 ", "a  bc d", " ", "  x", "付 ", "x")) {
            for (boolean markers : new boolean[] {true, false}) {
                String s = markers ? "^" + text + "$" : text;
                List<String> expected = new java.util.ArrayList<>();
                for (int n = 1; n <= 3; n++) {
                    for (int i = 0; i + n <= s.length(); i++) {
                        String gram = s.substring(i, i + n);
                        if (!gram.contains(" ") && !(markers && n == 1 && (i == 0 || i == s.length() - 1))) {
                            expected.add(gram);
                        }
                    }
                }
                assertThat(new Tokens(text, List.of()).charGrams(1, 3, markers)).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void empty_text_has_no_grams() {
        assertThat(new Tokens("", List.of()).charGrams(1, 3, false)).isEmpty();
        assertThat(new Tokens("", List.of()).isEmpty()).isTrue();
    }
}
