package dev.kefu.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.conversation.HandoffRequest;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Decision;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.intent.IntentScore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {
    private final IntentScore refund = new IntentScore("refund_time", 0.9);
    private final Decision.Answer answer = new Decision.Answer(refund, Fixtures.REFUND, List.of(Fixtures.PAY), false,
            Reason.CONFIDENT_MATCH, "refund_time 0.90 >= 0.50");

    @Test
    void an_answer_uses_the_configured_hotline() {
        Reply reply = new ReplyRenderer("95000-0000").render("c1", answer, refund);
        assertThat(reply.text()).isEqualTo("答案：退款多久到账？ 95000-0000");
        assertThat(reply.faqId()).isEqualTo("refund-time");
        assertThat(reply.suggestions()).containsExactly(new Suggestion("pay-failed", "付款失败怎么办？"));
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.reason()).isEqualTo("confident_match");
        assertThat(reply.handoff()).isNull();
    }

    @Test
    void without_a_hotline_answers_point_to_the_contact_page_and_invent_no_number() {
        Reply reply = new ReplyRenderer(null).render("c1", answer, refund);
        assertThat(reply.text()).contains("联系我们").doesNotContain("{hotline}").doesNotContainPattern("\\d{5,}");
        assertThat(new ReplyRenderer("  ").render("c1", answer, refund).text()).contains("联系我们");
    }

    @Test
    void an_urgent_answer_offers_a_person() {
        Decision.Answer urgent = new Decision.Answer(new IntentScore("account_stolen", 0.9), Fixtures.STOLEN, List.of(),
                true, Reason.PRIORITY_INTENT, "");
        assertThat(new ReplyRenderer(null).render("c1", urgent, urgent.intent()).text()).contains("转人工");
    }

    @Test
    void clarify_numbers_its_options() {
        Decision clarify = new Decision.Clarify(List.of(Fixtures.PAY, Fixtures.REFUND), Reason.CLOSE_CANDIDATES, "");
        Reply reply = new ReplyRenderer(null).render("c1", clarify, refund);
        assertThat(reply.text()).endsWith("\n1. 付款失败怎么办？\n2. 退款多久到账？");
        assertThat(reply.suggestions()).extracting(Suggestion::faqId).containsExactly("pay-failed", "refund-time");
    }

    @Test
    void every_fallback_and_handoff_reason_has_a_text() {
        ReplyRenderer renderer = new ReplyRenderer(null);
        for (Reason reason : List.of(Reason.LOW_CONFIDENCE, Reason.OUT_OF_SCOPE, Reason.NO_ANSWER, Reason.EMPTY_MESSAGE)) {
            Reply reply = renderer.render("c1", new Decision.Fallback(List.of(Fixtures.PAY), reason, ""), null);
            assertThat(reply.text()).as(reason.name()).isNotBlank();
            assertThat(reply.suggestions()).hasSize(1);
        }
        for (Reason reason : List.of(Reason.USER_REQUEST, Reason.REPEATED_FALLBACK)) {
            Reply reply = renderer.render("c1", new Decision.Handoff(false, reason, ""), refund);
            assertThat(reply.text()).as(reason.name()).contains("人工");
            assertThat(reply.handoff()).isEqualTo(new HandoffRequest(reason.wireName(), false));
        }
    }

    @Test
    void outside_service_hours_a_handoff_says_when_agents_are_back() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.Clock night = java.time.Clock.fixed(java.time.LocalDateTime.parse("2026-11-26T23:30")
                .atZone(shanghai).toInstant(), shanghai);
        ReplyRenderer renderer = new ReplyRenderer(null, ServiceHours.parse("09:00-21:00", shanghai), night);
        Reply reply = renderer.render("c1", new Decision.Handoff(false, Reason.USER_REQUEST, ""), refund);
        assertThat(reply.text()).contains("09:00–21:00").contains("11月27日 09:00");
        ReplyRenderer always = new ReplyRenderer(null, ServiceHours.ALWAYS, night);
        assertThat(always.render("c1", new Decision.Handoff(false, Reason.USER_REQUEST, ""), refund).text())
                .doesNotContain("服务时间");
    }
}
