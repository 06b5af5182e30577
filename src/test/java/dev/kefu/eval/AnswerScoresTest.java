package dev.kefu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Action;
import dev.kefu.intent.LabeledText;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScoresTest {
    private static Reply reply(Action action, String faqId, String... suggested) {
        List<Suggestion> suggestions = java.util.Arrays.stream(suggested).map(id -> new Suggestion(id, "问题")).toList();
        return new Reply("c", action, "refund_time", 0.8, "回复", faqId, suggestions, null, "confident_match", "");
    }

    private static LabeledText line(String text, String... ids) {
        return new LabeledText("refund_time", text, List.of(ids), 1);
    }

    @Test
    void the_entry_shown_is_scored_not_the_intent() {
        List<LabeledText> data = List.of(line("a", "refund-time"), line("b", "refund-time", "refund-where"),
                line("c", "refund-progress"), line("d", "refund-progress"), new LabeledText("oos", "e", 5));
        List<Reply> replies = List.of(reply(Action.ANSWER, "refund-time"), reply(Action.ANSWER, "refund-where"),
                reply(Action.ANSWER, "refund-time", "refund-progress"), reply(Action.FALLBACK, null),
                reply(Action.FALLBACK, null));
        AnswerScores scores = AnswerScores.of(data, replies);
        assertThat(scores.answerLines()).isEqualTo(4);
        assertThat(scores.answerAccuracy()).isEqualTo(0.5);
        assertThat(scores.answerPrecision()).isEqualTo(2.0 / 3);
        assertThat(scores.answerTop3()).isEqualTo(0.75);
        assertThat(scores.answerConfusion()).extracting(AnswerScores.Confusion::shown)
                .containsExactlyInAnyOrder("refund-time", "(fallback)");
        assertThat(scores.answerErrors()).singleElement().extracting(AnswerScores.Miss::text).isEqualTo("c");
    }

    @Test
    void clarify_options_count_for_the_top_three_but_not_as_an_answer() {
        List<LabeledText> data = List.of(line("a", "refund-where"));
        AnswerScores scores = AnswerScores.of(data, List.of(reply(Action.CLARIFY, null, "refund-time", "refund-where")));
        assertThat(scores.answerAccuracy()).isZero();
        assertThat(scores.answerTop3()).isEqualTo(1.0);
    }

    @Test
    void a_file_without_faq_ids_has_no_answer_scores() {
        assertThat(AnswerScores.of(List.of(new LabeledText("oos", "e", 1)), List.of(reply(Action.FALLBACK, null))))
                .isNull();
    }
}
