package dev.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Thresholds;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed models answer the way users of a payment app need, whatever way they type. */
class ShippedEngineTest {
    private static Models models;

    @BeforeAll
    static void load() {
        models = Models.load(Path.of("models"), Path.of("corpus"));
    }

    private static Reply ask(String text) {
        return models.engine(Thresholds.DEFAULT, null).reply("t", text);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            付款一直失败                         | answer  | payment_failed      | pay-failed
            我的账号被盗了                       | answer  | account_stolen      | account-stolen
            退款多久到账                         | answer  | refund_time         | refund-time
            忘记密码了                           | answer  | forgot_password     | pwd-forgot
            转人工                               | handoff | human_agent         |
            帳號被盜了怎麼辦                     | answer  | account_stolen      | account-stolen
            退宽什么时候到帐                     | answer  | refund_time         | refund-time
            refund 多久到                        | answer  | refund_time         | refund-time
            ｐａｙ不了！！！😭                  | answer  | payment_failed      |
            密玛忘了                             | answer  | forgot_password     |
            怎么修改绑定的手机号                 | answer  | change_account_info |
            提现到银行卡要手续费吗               | answer  | fees_limits         |
            账户被冻结了怎么解冻                 | answer  | account_restricted  |
            你好                                 | answer  | greeting            | smalltalk-greeting
            谢谢                                 | answer  | thanks              | smalltalk-thanks
            今天北京天气怎么样                   | fallback| oos                 |
            红烧肉怎么做                         | fallback| oos                 |
            asdfghjkl                            | fallback|                     |
            """)
    void typical_messages_get_the_expected_decision(String text, String action, String intent, String faqId) {
        Reply reply = ask(text);
        assertThat(reply.action().wireName()).as(reply.reason() + ": " + reply.detail()).isEqualTo(action);
        if (intent != null) {
            assertThat(reply.intent()).isEqualTo(intent);
        }
        if (faqId != null) {
            assertThat(reply.faqId()).isEqualTo(faqId);
        }
    }

    @Test
    void a_specific_question_finds_its_specific_entry_not_the_general_one() {
        assertThat(ask("信用卡付款的退款多久能到").faqId()).isEqualTo("refund-credit-card");
        assertThat(ask("支付密码忘了怎么重置").faqId()).isEqualTo("pwd-forgot-pay");
    }

    @Test
    void a_stolen_account_answer_offers_a_person_at_once() {
        Reply reply = ask("有人盗了我的号还转走了钱");
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.reason()).isEqualTo("priority_intent");
        assertThat(reply.text()).contains("转人工");
    }

    @Test
    void two_failures_in_a_row_offer_a_person_and_yes_hands_off() {
        ChatEngine engine = models.engine(Thresholds.DEFAULT, null);
        assertThat(engine.reply("c", "今天天气怎么样").action()).isEqualTo(Action.FALLBACK);
        assertThat(engine.reply("c", "给我讲个笑话").action()).isEqualTo(Action.FALLBACK);
        assertThat(engine.reply("c", "好的").action()).isEqualTo(Action.HANDOFF);
    }

    @Test
    void unknown_script_gets_a_low_confidence() {
        Reply reply = ask("안녕하세요 감사합니다");
        assertThat(reply.action()).isNotEqualTo(Action.ANSWER);
    }
}
