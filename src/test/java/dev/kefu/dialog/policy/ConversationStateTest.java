package dev.kefu.dialog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.dialog.Fixtures;
import dev.kefu.intent.IntentScore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStateTest {
    private final Decision fallback = new Decision.Fallback(List.of(), Reason.LOW_CONFIDENCE, "");
    private final Decision answer = new Decision.Answer(new IntentScore("refund_time", 0.9), Fixtures.REFUND, List.of(),
            false, Reason.CONFIDENT_MATCH, "");

    @Test
    void fallbacks_count_up_and_any_other_action_resets_them() {
        ConversationState state = ConversationState.NEW.after(fallback).after(fallback);
        assertThat(state.consecutiveFallbacks()).isEqualTo(2);
        assertThat(state.turns()).isEqualTo(2);
        assertThat(state.after(answer).consecutiveFallbacks()).isZero();
    }

    @Test
    void an_answer_remembers_its_intent_and_a_handoff_sticks() {
        ConversationState state = ConversationState.NEW.after(answer);
        assertThat(state.lastIntent()).isEqualTo("refund_time");
        ConversationState handedOff = state.after(new Decision.Handoff(false, Reason.USER_REQUEST, ""));
        assertThat(handedOff.handedOff()).isTrue();
        assertThat(handedOff.lastIntent()).isEqualTo("refund_time");
        assertThat(handedOff.after(answer).handedOff()).isTrue();
    }

    @Test
    void negative_counts_are_rejected() {
        assertThatThrownBy(() -> new ConversationState(-1, 0, null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_context_remembers_options_and_repeats_and_is_forgotten_after_silence() {
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        Decision clarify = new Decision.Clarify(List.of(Fixtures.PAY, Fixtures.REFUND), Reason.CLOSE_CANDIDATES, "");
        ConversationState state = ConversationState.NEW.after(clarify, "钱没到", t0).after(clarify, "钱没到", t0);
        assertThat(state.context().offeredFaqIds()).containsExactly("pay-failed", "refund-time");
        assertThat(state.context().repeats()).isEqualTo(1);
        assertThat(state.resumedAt(t0.plus(Duration.ofMinutes(29)), Duration.ofMinutes(30))).isEqualTo(state);
        ConversationState fresh = state.resumedAt(t0.plus(Duration.ofMinutes(31)), Duration.ofMinutes(30));
        assertThat(fresh.context()).isEqualTo(ConversationState.Context.NONE);
        assertThat(fresh.turns()).isEqualTo(2);
    }

    @Test
    void a_rejected_answer_counts_as_a_failure() {
        Decision rejected = new Decision.Clarify(List.of(Fixtures.PAY, Fixtures.REFUND), Reason.REJECTED_ANSWER, "");
        assertThat(ConversationState.NEW.after(answer).after(rejected).consecutiveFallbacks()).isEqualTo(1);
    }
}
