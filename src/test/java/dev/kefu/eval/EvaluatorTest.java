package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Offset<Double> EXACT = within(1e-9);

    @Test
    void human_agent_is_correct_only_when_handed_off() {
        assertThat(Evaluator.correctEndToEnd("human_agent", reply(Action.HANDOFF, "human_agent"))).isTrue();
        assertThat(Evaluator.correctEndToEnd("human_agent", reply(Action.ANSWER, "human_agent"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("human_agent", reply(Action.FALLBACK, "human_agent"))).isFalse();
    }

    @Test
    void oos_is_correct_when_not_answered_or_handed_off() {
        assertThat(Evaluator.correctEndToEnd("oos", reply(Action.FALLBACK, "oos"))).isTrue();
        assertThat(Evaluator.correctEndToEnd("oos", reply(Action.HANDOFF, "refund_time"))).isTrue();
        assertThat(Evaluator.correctEndToEnd("oos", reply(Action.ANSWER, "refund_time"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("oos", reply(Action.CLARIFY, "refund_time"))).isFalse();
    }

    @Test
    void other_intents_need_an_answer_with_the_same_intent() {
        assertThat(Evaluator.correctEndToEnd("refund_time", reply(Action.ANSWER, "refund_time"))).isTrue();
        assertThat(Evaluator.correctEndToEnd("refund_time", reply(Action.ANSWER, "payment_failed"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("refund_time", reply(Action.HANDOFF, "refund_time"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("refund_time", reply(Action.CLARIFY, "refund_time"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("refund_time", reply(Action.FALLBACK, "refund_time"))).isFalse();
        assertThat(Evaluator.correctEndToEnd("greeting", reply(Action.ANSWER, null))).isFalse();
    }

    @Test
    void a_pass_is_scored_by_the_design_definitions() {
        List<LabeledText> data = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        add(data, replies, "refund_time", Action.ANSWER, "refund_time");        // correct, covered, right answer
        add(data, replies, "refund_time", Action.ANSWER, "payment_failed");     // covered, wrong answer
        add(data, replies, "payment_failed", Action.FALLBACK, "payment_failed"); // not covered
        add(data, replies, "human_agent", Action.HANDOFF, "human_agent");       // correct, covered
        add(data, replies, "human_agent", Action.ANSWER, "human_agent");        // not covered, right answer
        add(data, replies, "oos", Action.FALLBACK, null);                       // correct, held
        add(data, replies, "oos", Action.HANDOFF, "human_agent");               // correct, held
        add(data, replies, "oos", Action.ANSWER, "greeting");                   // answered: wrong answer
        add(data, replies, "greeting", Action.CLARIFY, "greeting");             // not covered
        add(data, replies, "account_stolen", Action.HANDOFF, "account_stolen"); // not covered

        SweepPoint point = Evaluator.score(data, replies, 0.35);

        assertThat(point.threshold()).isEqualTo(0.35);
        assertThat(point.e2eAccuracy()).as("e2e accuracy").isCloseTo(4.0 / 10, EXACT);
        assertThat(point.coverage()).as("coverage").isCloseTo(3.0 / 7, EXACT);
        assertThat(point.precision()).as("auto-answer precision").isCloseTo(2.0 / 4, EXACT);
        assertThat(point.oosRecall()).as("oos recall").isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void a_pass_without_answers_or_oos_lines_scores_zero_for_those_rates() {
        List<LabeledText> data = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        add(data, replies, "human_agent", Action.HANDOFF, "human_agent");

        SweepPoint point = Evaluator.score(data, replies, 0.5);

        assertThat(point.coverage()).isEqualTo(1.0);
        assertThat(point.e2eAccuracy()).isEqualTo(1.0);
        assertThat(point.precision()).isZero();
        assertThat(point.oosRecall()).isZero();
    }

    @Test
    void run_reports_the_shipped_threshold_sweeps_the_others_and_lists_errors_most_confident_first() {
        Map<String, IntentPrediction> predictions = Map.of(
                "退款多久到账", prediction("refund_time", 0.9),
                "付款失败", prediction("payment_failed", 0.3),
                "转人工", prediction("human_agent", 0.9),
                "今天天气", prediction("oos", 0.8),
                "明天天气", prediction("oos", 0.8),
                "钱退了吗", prediction("refund_time", 0.95));
        List<LabeledText> data = List.of(new LabeledText("refund_time", "退款多久到账", 1),
                new LabeledText("payment_failed", "付款失败", 2), new LabeledText("human_agent", "转人工", 3),
                new LabeledText("oos", "今天天气", 4), new LabeledText("oos", "明天天气", 5),
                new LabeledText("payment_failed", "钱退了吗", 6));
        Evaluator evaluator = new Evaluator(t -> engine(t, predictions), Thresholds.DEFAULT);
        List<Integer> progress = new ArrayList<>();

        EvalReport report = evaluator.run(data, (done, total) -> progress.add(done));

        assertThat(report.n()).isEqualTo(6);
        assertThat(report.answerThreshold()).isEqualTo(Thresholds.DEFAULT.answer());
        assertThat(report.e2eAccuracy()).isCloseTo(4.0 / 6, EXACT);
        assertThat(report.coverage()).isCloseTo(3.0 / 4, EXACT);
        assertThat(report.autoAnswerPrecision()).isCloseTo(1.0 / 2, EXACT);
        assertThat(report.oosRecall()).isEqualTo(1.0);
        assertThat(report.accuracy()).as("top intent on in-scope lines").isCloseTo(3.0 / 4, EXACT);
        assertThat(report.actions()).containsExactlyInAnyOrderEntriesOf(
                Map.of("answer", 2, "fallback", 3, "handoff", 1));
        assertThat(report.errors()).extracting(EvalError::text).containsExactly("钱退了吗", "付款失败");
        assertThat(report.thresholdSweep()).extracting(SweepPoint::threshold)
                .containsExactly(0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65,
                        0.7, 0.75, 0.8, 0.85, 0.9, 0.95);
        assertThat(sweepAt(report, 0.3).coverage()).isGreaterThan(sweepAt(report, 0.5).coverage());
        assertThat(sweepAt(report, 0.5)).isEqualTo(new SweepPoint(0.5, report.coverage(),
                report.autoAnswerPrecision(), report.e2eAccuracy(), report.oosRecall()));
        assertThat(progress).hasSize(21).endsWith(21);
    }

    private static SweepPoint sweepAt(EvalReport report, double threshold) {
        return report.thresholdSweep().stream().filter(p -> p.threshold() == threshold).findFirst().orElseThrow();
    }

    private static void add(List<LabeledText> data, List<Reply> replies, String gold, Action action, String intent) {
        data.add(new LabeledText(gold, "line " + (data.size() + 1), data.size() + 1));
        replies.add(reply(action, intent));
    }

    private static Reply reply(Action action, String intent) {
        return new Reply("c", action, intent, 0.5, "text", null, List.of(), null, "reason", "detail");
    }

    private static IntentPrediction prediction(String label, double confidence) {
        String other = label.equals("oos") ? "greeting" : "oos";
        return new IntentPrediction(List.of(new IntentScore(label, confidence), new IntentScore(other, 0.01)));
    }

    /** A real engine over a fake classifier (by message) and an FAQ without search hits. */
    private static ChatEngine engine(Thresholds thresholds, Map<String, IntentPrediction> predictions) {
        List<FaqEntry> entries = List.of(entry("refund-arrival", "refund_time"), entry("pay-failed", "payment_failed"));
        IntentClassifier classifier = new IntentClassifier() {
            @Override
            public IntentPrediction classify(Tokens tokens) {
                return predictions.get(tokens.text());
            }

            @Override
            public Set<String> labels() {
                return Set.of("refund_time", "payment_failed", "human_agent", "oos", "greeting");
            }
        };
        FaqSearcher faq = new FaqSearcher() {
            @Override
            public List<FaqHit> search(Tokens tokens, int k) {
                return List.of();
            }

            @Override
            public List<FaqEntry> entries() {
                return entries;
            }
        };
        ChatEngine.Pipeline pipeline = new ChatEngine.Pipeline(new TextNormalizer(ChineseVariants.icu()),
                text -> new Tokens(text, List.of(text)), classifier, faq);
        return new ChatEngine(pipeline, new DecisionPolicy(thresholds, entries), new ReplyRenderer(null),
                new InMemoryConversationStore());
    }

    private static FaqEntry entry(String id, String intent) {
        return new FaqEntry(id, intent, id + "?", List.of("a", "b", "c", "d", "e"), "answer of " + id);
    }
}
