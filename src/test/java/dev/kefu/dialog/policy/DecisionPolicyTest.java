package dev.kefu.dialog.policy;

import static dev.kefu.dialog.Fixtures.HELLO;
import static dev.kefu.dialog.Fixtures.HOTLINE;
import static dev.kefu.dialog.Fixtures.PAY;
import static dev.kefu.dialog.Fixtures.PAY_CARD;
import static dev.kefu.dialog.Fixtures.REFUND;
import static dev.kefu.dialog.Fixtures.STOLEN;
import static dev.kefu.dialog.Fixtures.hits;
import static dev.kefu.dialog.Fixtures.predict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
    private final DecisionPolicy policy = new DecisionPolicy(Thresholds.DEFAULT, Fixtures.ENTRIES);
    private final ConversationState fresh = ConversationState.NEW;
    private final ConversationState afterOneFallback = new ConversationState(1, 1, null, false);

    @Test
    void a_request_for_a_person_hands_off() {
        Decision d = policy.decide(predict("human_agent", 0.9, "oos", 0.1), hits(), fresh);
        assertThat(d).isInstanceOf(Decision.Handoff.class);
        assertThat(d.reason()).isEqualTo(Reason.USER_REQUEST);
        assertThat(((Decision.Handoff) d).priority()).isFalse();
    }

    @Test
    void an_unsure_request_for_a_person_falls_back_instead() {
        Decision d = policy.decide(predict("human_agent", 0.35, "contact_hotline", 0.3, "oos", 0.2), hits(), fresh);
        assertThat(d.action()).isEqualTo(Action.FALLBACK);
        assertThat(d.reason()).isEqualTo(Reason.LOW_CONFIDENCE);
    }

    @Test
    void a_confident_intent_is_answered_with_its_best_hit() {
        Decision d = policy.decide(predict("payment_failed", 0.9, "refund_time", 0.1), hits(PAY_CARD, PAY), fresh);
        assertThat(d).isInstanceOf(Decision.Answer.class);
        Decision.Answer answer = (Decision.Answer) d;
        assertThat(answer.entry()).isEqualTo(PAY_CARD);
        assertThat(answer.related()).containsExactly(PAY);
        assertThat(answer.offerHandoff()).isFalse();
        assertThat(answer.reason()).isEqualTo(Reason.CONFIDENT_MATCH);
        assertThat(answer.detail()).isEqualTo(PAY_CARD.id() + " 0.90 >= 0.50");
    }

    @Test
    void hits_of_other_intents_are_skipped_for_the_answer() {
        Decision d = policy.decide(predict("payment_failed", 0.9, "refund_time", 0.1), hits(REFUND, PAY), fresh);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(PAY);
        assertThat(((Decision.Answer) d).related()).isEmpty();
    }

    @Test
    void a_confident_intent_without_a_matching_hit_gets_its_default_entry() {
        Decision d = policy.decide(predict("payment_failed", 0.9, "refund_time", 0.1), hits(REFUND), fresh);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(PAY);
    }

    @Test
    void a_confident_intent_without_any_faq_entry_falls_back() {
        Decision d = policy.decide(predict("fees_limits", 0.9, "refund_time", 0.1), hits(REFUND), fresh);
        assertThat(d.action()).isEqualTo(Action.FALLBACK);
        assertThat(d.reason()).isEqualTo(Reason.NO_ANSWER);
    }

    @Test
    void a_stolen_account_is_answered_and_a_person_offered_at_once() {
        Decision d = policy.decide(predict("account_stolen", 0.8, "payment_failed", 0.2), hits(STOLEN), fresh);
        Decision.Answer answer = (Decision.Answer) d;
        assertThat(answer.entry()).isEqualTo(STOLEN);
        assertThat(answer.offerHandoff()).isTrue();
        assertThat(answer.reason()).isEqualTo(Reason.PRIORITY_INTENT);
    }

    @Test
    void small_talk_is_answered_without_related_questions() {
        Decision d = policy.decide(predict("greeting", 0.95, "thanks", 0.05), hits(HELLO, PAY), fresh);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(HELLO);
        assertThat(((Decision.Answer) d).related()).isEmpty();
    }

    @Test
    void out_of_scope_falls_back_with_topics() {
        Decision d = policy.decide(predict("oos", 0.9, "payment_failed", 0.1), hits(PAY), fresh);
        assertThat(d).isInstanceOf(Decision.Fallback.class);
        assertThat(d.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
        assertThat(((Decision.Fallback) d).topics()).containsExactly(PAY, REFUND, STOLEN, HOTLINE);
    }

    @Test
    void low_confidence_falls_back() {
        Decision d = policy.decide(predict("payment_failed", 0.4, "oos", 0.1, "refund_time", 0.1), hits(PAY), fresh);
        assertThat(d.action()).isEqualTo(Action.FALLBACK);
        assertThat(d.reason()).isEqualTo(Reason.LOW_CONFIDENCE);
        assertThat(d.detail()).isEqualTo(PAY.id() + " 0.40 < 0.50");
    }

    @Test
    void low_confidence_twice_offers_a_person_and_does_not_hand_off_unasked() {
        Decision d = policy.decide(predict("payment_failed", 0.4, "oos", 0.1), hits(PAY), afterOneFallback);
        assertThat(d).isInstanceOf(Decision.Fallback.class);
        assertThat(((Decision.Fallback) d).offerHandoff()).isTrue();
        assertThat(d.reason()).isEqualTo(Reason.REPEATED_FALLBACK);
        assertThat(d.detail()).contains("2 failures in a row (low_confidence)");
        ConversationState offered = afterOneFallback.after(d);
        Decision yes = policy.decide(new Message("好的", predict("thanks", 0.9, "oos", 0.1), hits()), offered);
        assertThat(yes.action()).isEqualTo(Action.HANDOFF);
        assertThat(yes.reason()).isEqualTo(Reason.ACCEPTED_OFFER);
        assertThat(((Decision.Handoff) yes).priority()).as("a person after failures queues normally").isFalse();
    }

    @Test
    void out_of_scope_twice_offers_a_person() {
        Decision d = policy.decide(predict("oos", 0.9), hits(), afterOneFallback);
        assertThat(d.reason()).isEqualTo(Reason.REPEATED_FALLBACK);
    }

    @Test
    void a_confident_answer_after_a_fallback_still_answers() {
        Decision d = policy.decide(predict("refund_time", 0.9), hits(REFUND), afterOneFallback);
        assertThat(d.action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void two_close_intents_ask_which_one_with_numbered_options() {
        Decision d = policy.decide(predict("payment_failed", 0.45, "refund_time", 0.40, "oos", 0.15), hits(PAY), fresh);
        assertThat(d).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) d).options()).containsExactly(PAY, REFUND);
        assertThat(d.reason()).isEqualTo(Reason.CLOSE_CANDIDATES);
    }

    @Test
    void a_distant_runner_up_is_not_offered() {
        Decision d = policy.decide(predict("payment_failed", 0.45, "refund_time", 0.28, "oos", 0.27), hits(PAY), fresh);
        assertThat(d.action()).isEqualTo(Action.FALLBACK);
    }

    @Test
    void a_runner_up_below_the_floor_is_not_offered() {
        Decision d = policy.decide(predict("payment_failed", 0.30, "refund_time", 0.19, "oos", 0.19,
                "greeting", 0.19, "thanks", 0.13), hits(PAY), fresh);
        assertThat(d.action()).isEqualTo(Action.FALLBACK);
    }

    @Test
    void small_talk_oos_and_person_requests_are_never_clarify_options() {
        for (String other : List.of("greeting", "oos", "human_agent")) {
            Decision d = policy.decide(predict("payment_failed", 0.45, other, 0.40, "refund_time", 0.15), hits(PAY), fresh);
            assertThat(d.action()).as(other).isEqualTo(Action.FALLBACK);
        }
    }

    @Test
    void an_empty_message_falls_back_without_counting_as_a_failure() {
        Decision d = policy.empty();
        assertThat(d.reason()).isEqualTo(Reason.EMPTY_MESSAGE);
        assertThat(afterOneFallback.after(d).consecutiveFallbacks()).isEqualTo(1);
    }

    @Test
    void the_answer_threshold_is_inclusive() {
        Decision d = policy.decide(predict("refund_time", 0.5, "oos", 0.5), hits(REFUND), fresh);
        assertThat(d.action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void of_two_problems_in_one_message_the_more_urgent_is_answered_and_the_other_offered() {
        Decision d = policy.decide(new Message("付款失败而且账号好像被盗了",
                predict("payment_failed", 0.6, "account_stolen", 0.3), hits(PAY, STOLEN)), fresh);
        Decision.Answer answer = (Decision.Answer) d;
        assertThat(answer.intent().label()).isEqualTo("account_stolen");
        assertThat(answer.reason()).isEqualTo(Reason.TWO_PROBLEMS);
        assertThat(answer.related().get(0)).isEqualTo(PAY);
        assertThat(answer.offerHandoff()).isTrue();
    }

    @Test
    void without_a_joining_word_the_top_intent_is_answered_as_usual() {
        Decision d = policy.decide(new Message("付款失败账号", predict("payment_failed", 0.6, "account_stolen", 0.3),
                hits(PAY, STOLEN)), fresh);
        assertThat(((Decision.Answer) d).intent().label()).isEqualTo("payment_failed");
        assertThat(d.reason()).isEqualTo(Reason.CONFIDENT_MATCH);
    }
    @Test
    void out_of_scope_gives_way_to_an_answer_the_ranker_is_sure_of() {
        var sure = new Message("付款总失败咋整", predict("oos", 0.45, "payment_failed", 0.4), hits(PAY),
                List.of(new dev.kefu.faq.FaqHit(PAY, 0.8), new dev.kefu.faq.FaqHit(PAY_CARD, 0.1)));
        Decision d = policy.decide(sure, fresh);
        assertThat(d).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(PAY);

        var unsure = new Message("付款总失败咋整", predict("oos", 0.45, "payment_failed", 0.4), hits(PAY),
                List.of(new dev.kefu.faq.FaqHit(PAY, 0.45), new dev.kefu.faq.FaqHit(PAY_CARD, 0.1)));
        assertThat(policy.decide(unsure, fresh).reason()).isEqualTo(Reason.OUT_OF_SCOPE);

        var sureOos = new Message("付款总失败咋整", predict("oos", 0.6, "payment_failed", 0.4), hits(PAY),
                List.of(new dev.kefu.faq.FaqHit(PAY, 0.8), new dev.kefu.faq.FaqHit(PAY_CARD, 0.1)));
        assertThat(policy.decide(sureOos, fresh)).isInstanceOf(Decision.Fallback.class);
    }

    @Test
    void two_close_entries_of_a_stolen_account_are_not_a_question_the_likeliest_is_answered() {
        var txn = Fixtures.entry("stolen-txn", "account_stolen", "有不是我本人的交易怎么办？");
        var entries = new java.util.ArrayList<>(Fixtures.ENTRIES);
        entries.add(txn);
        DecisionPolicy withTwo = new DecisionPolicy(Thresholds.DEFAULT, entries);
        var close = List.of(new dev.kefu.faq.FaqHit(STOLEN, 0.55), new dev.kefu.faq.FaqHit(txn, 0.50));
        Decision d = withTwo.decide(new Message("号被盗了", predict("account_stolen", 0.9, "oos", 0.1), hits(STOLEN),
                close), fresh);
        assertThat(d).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(STOLEN);

        var pay = List.of(new dev.kefu.faq.FaqHit(PAY, 0.55), new dev.kefu.faq.FaqHit(PAY_CARD, 0.50));
        assertThat(withTwo.decide(new Message("付款失败", predict("payment_failed", 0.9, "oos", 0.1), hits(PAY), pay),
                fresh).reason()).isEqualTo(Reason.CLOSE_ANSWERS);
    }

    @Test
    void a_sure_topic_without_a_likely_entry_asks_between_its_entries_instead_of_falling_back() {
        // the classifier is sure of payment_failed, the ranker of neither of its entries
        var unsure = List.of(new dev.kefu.faq.FaqHit(PAY, 0.35), new dev.kefu.faq.FaqHit(REFUND, 0.12),
                new dev.kefu.faq.FaqHit(PAY_CARD, 0.10));
        Decision d = policy.decide(new Message("付款那个一直弄不好", predict("payment_failed", 0.95, "oos", 0.05), hits(PAY),
                unsure), fresh);
        assertThat(d).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) d).options()).containsExactly(PAY, PAY_CARD);
        assertThat(d.reason()).isEqualTo(Reason.SURE_TOPIC);

        // an unsure topic still falls back
        Decision unsureTopic = policy.decide(new Message("付款那个一直弄不好", predict("payment_failed", 0.6, "oos", 0.4),
                hits(PAY), unsure), fresh);
        assertThat(unsureTopic.reason()).isEqualTo(Reason.LOW_CONFIDENCE);

        // and a topic with one entry among the answers has nothing to ask between
        var one = List.of(new dev.kefu.faq.FaqHit(PAY, 0.35), new dev.kefu.faq.FaqHit(REFUND, 0.12));
        assertThat(policy.decide(new Message("付款那个一直弄不好", predict("payment_failed", 0.95, "oos", 0.05), hits(PAY),
                one), fresh).reason()).isEqualTo(Reason.LOW_CONFIDENCE);
    }

    @Test
    void a_repair_after_an_answer_asks_again_though_it_leans_to_another_intent() {
        Decision paid = policy.decide(predict("payment_failed", 0.9, "refund_time", 0.1), hits(PAY), fresh);
        ConversationState answered = fresh.after(paid);
        var none = List.of(new dev.kefu.faq.FaqHit(REFUND, 0.2));

        // the classifier is sure of another intent, but no entry of it is likely: still a repair
        Decision leansToTopic = policy.decide(new Message("你说的这个不是我要问的啊",
                predict("refund_time", 0.6, "oos", 0.4), hits(REFUND), none), answered);
        assertThat(leansToTopic.reason()).isEqualTo(Reason.REJECTED_ANSWER);
        // with a likely entry of it, the message is a new question
        Decision newQuestion = policy.decide(new Message("不是我要问的，我问退款多久到账",
                predict("refund_time", 0.9, "oos", 0.1), hits(REFUND), List.of(new dev.kefu.faq.FaqHit(REFUND, 0.9))),
                answered);
        assertThat(newQuestion).isInstanceOf(Decision.Answer.class);
    }

    @Test
    void two_problems_joined_whose_entries_the_ranker_is_sure_of_answer_the_more_urgent_and_offer_the_other() {
        // the classifier sees only the payment; the ranker is sure of both entries
        var both = List.of(new dev.kefu.faq.FaqHit(PAY, 0.58), new dev.kefu.faq.FaqHit(STOLEN, 0.57));
        Decision d = policy.decide(new Message("付款失败而且账号好像被盗了", predict("payment_failed", 0.87, "oos", 0.13),
                hits(PAY, STOLEN), both), fresh);
        assertThat(d).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(STOLEN);
        assertThat(((Decision.Answer) d).related()).startsWith(PAY);
        assertThat(d.reason()).isEqualTo(Reason.TWO_PROBLEMS);

        // without a joining word the two close entries are a question between them
        assertThat(policy.decide(new Message("付款失败账号好像被盗了", predict("payment_failed", 0.87, "oos", 0.13),
                hits(PAY, STOLEN), both), fresh).reason()).isEqualTo(Reason.CLOSE_ANSWERS);
    }

    @Test
    void a_short_message_the_ranker_would_not_answer_alone_is_read_as_a_follow_up() {
        var freeze = Fixtures.entry("stolen-freeze", "account_stolen", "怎么紧急冻结账号？");
        var entries = new java.util.ArrayList<>(Fixtures.ENTRIES);
        entries.add(freeze);
        DecisionPolicy withFreeze = new DecisionPolicy(Thresholds.DEFAULT, entries);
        ConversationState answered = fresh.after(withFreeze.decide(predict("account_stolen", 0.9, "oos", 0.1),
                hits(STOLEN), fresh));

        // the classifier leans (just) to another intent, the ranker is unsure of any entry
        Decision d = withFreeze.decide(new Message("那怎么冻结?", predict("account_restricted", 0.52, "account_stolen", 0.3),
                hits(freeze), List.of(new dev.kefu.faq.FaqHit(freeze, 0.48))), answered);
        assertThat(d).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) d).entry()).isEqualTo(freeze);
        assertThat(d.reason()).isEqualTo(Reason.FOLLOW_UP);
    }
}
