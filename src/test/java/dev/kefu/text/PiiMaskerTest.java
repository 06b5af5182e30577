package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.text.PiiMasker.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid data is masked, and so is a 13–19-digit run that fails the Luhn check (privacy first);
 * look-alikes in an order-number context or of another length are not. The large tables are in
 * {@link PiiMaskerDataTest}.
 */
class PiiMaskerTest {
    private final PiiMasker masker = new PiiMasker();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我的卡号 6222 0212 3456 7890 128 付不了款       | 我的卡号 [银行卡 尾号0128] 付不了款     | BANK_CARD
            卡号4111-1111-1111-1111                          | 卡号[银行卡 尾号1111]                   | BANK_CARD
            手机号13812345678收不到验证码                     | 手机号138****5678收不到验证码           | MOBILE
            +86 138 1234 5678                                | 138****5678                             | MOBILE
            身份证11010519491231002X                          | 身份证[身份证号]                        | ID_NUMBER
            邮箱 zhang.san@example.com 改不了                 | 邮箱 z***@example.com 改不了            | EMAIL
            验证码是 482913                                  | 验证码是 [已隐藏]                       | CODE
            CVV: 123                                         | CVV: [已隐藏]                           | CODE
            我的密码是abc12345                               | 我的密码是[已隐藏]                      | PASSWORD
            卡号 4111 1111 1111 1112 不对                     | 卡号 [银行卡 尾号1112] 不对             | BANK_CARD
            身份证110105194912310021                          | 身份证[身份证号]                        | ID_NUMBER
            卡号６２２２　０２１２　３４５６　７８９０　１２８ | 卡号[银行卡 尾号0128]                   | BANK_CARD
            """)
    void personal_data_is_masked(String text, String expected, Kind kind) {
        PiiMasker.Result result = masker.mask(text);
        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.found()).containsExactly(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            订单号 4111111111111111 退款没到
            订单号2024112612345675退款多久到账
            手机号12812345678
            退款多久到账
            密码忘了怎么办
            密码是多少位
            我要转账 1000 元到 6222 卡
            流水号：6222021234567890128
            """)
    void look_alikes_are_left_alone(String text) {
        PiiMasker.Result result = masker.mask(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.found()).isEmpty();
    }

    @Test
    void a_card_number_split_over_two_messages_is_masked_in_both() {
        String first = "我的卡号是6222 0212 3456";
        int carried = masker.trailingDigits(masker.mask(first).text());
        assertThat(carried).isEqualTo(12);

        PiiMasker.Result second = masker.mask("7890 128 付不了款", carried);

        assertThat(second.text()).isEqualTo("[银行卡 尾号0128] 付不了款");
        assertThat(second.endsPreviousCard()).isTrue();
        assertThat(masker.maskCardStart(first)).isEqualTo("我的卡号是" + PiiMasker.CARD_FIRST_PART);
    }

    @Test
    void digits_after_an_order_number_or_too_few_are_not_carried_to_the_next_message() {
        assertThat(masker.trailingDigits("订单号 12345678")).isZero();
        assertThat(masker.trailingDigits("转了 300")).isZero();
        assertThat(masker.trailingDigits("手机138****5678")).isZero();
        PiiMasker.Result next = masker.mask("好的 谢谢 12", 12);
        assertThat(next.text()).isEqualTo("好的 谢谢 12");
        assertThat(next.endsPreviousCard()).isFalse();
    }

    @Test
    void offsets_are_kept_so_the_text_around_full_width_data_stays_as_written() {
        assertThat(masker.mask("ＡＢＣ手机１３８１２３４５６７８，谢谢！").text()).isEqualTo("ＡＢＣ手机138****5678，谢谢！");
    }
}
