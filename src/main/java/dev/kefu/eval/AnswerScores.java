package dev.kefu.eval;

import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Action;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user receives, scored at the level of the FAQ entry, over the lines of a labelled file
 * that name the entries answering them (the third column). An answer is right when the entry shown
 * is one of them; a clarify, fallback or handoff shows none.
 *
 * @param answerLines     lines that name their entries
 * @param answerAccuracy  right entry shown / {@code answerLines}
 * @param answerPrecision right entry shown / those lines that were answered
 * @param answerTop3      a right entry among the answer and its suggestions, or the options offered
 * @param answerConfusion which entry was shown instead of which, most frequent first
 * @param answerErrors    the lines answered with a wrong entry, most confident first
 */
public record AnswerScores(int answerLines, double answerAccuracy, double answerPrecision, double answerTop3,
                           List<Confusion> answerConfusion, List<Miss> answerErrors) {
    /** Entries listed among the suggestions for {@code answerTop3}: the answer plus two, or three options. */
    private static final int TOP = 3;

    public AnswerScores {
        answerConfusion = List.copyOf(answerConfusion);
        answerErrors = List.copyOf(answerErrors);
    }

    /** A line answered with a wrong entry: its text, the right entries, the one shown and its confidence. */
    public record Miss(String text, List<String> expected, String shown, double confidence) {
        public Miss {
            Objects.requireNonNull(text, "text");
            expected = List.copyOf(expected);
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** The entry {@code shown} for lines whose right entry was {@code expected}, {@code count} times. */
    public record Confusion(String expected, String shown, int count) {
        public Confusion {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** The scores of {@code replies} to {@code data} (same order); null when no line names its entries. */
    static AnswerScores of(List<LabeledText> data, List<Reply> replies) {
        int lines = 0;
        int answered = 0;
        int right = 0;
        int top = 0;
        Map<List<String>, Integer> confused = new LinkedHashMap<>();
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            LabeledText line = data.get(i);
            if (!line.hasAnswers()) {
                continue;
            }
            Reply reply = replies.get(i);
            lines++;
            boolean answer = reply.action() == Action.ANSWER && reply.faqId() != null;
            boolean correct = answer && line.faqIds().contains(reply.faqId());
            answered += answer ? 1 : 0;
            right += correct ? 1 : 0;
            top += shown(reply).stream().anyMatch(line.faqIds()::contains) ? 1 : 0;
            if (!correct) {
                String what = answer ? reply.faqId() : "(" + reply.action().wireName() + ")";
                confused.merge(List.of(line.faqIds().get(0), what), 1, Integer::sum);
                if (answer) {
                    misses.add(new Miss(line.text(), line.faqIds(), reply.faqId(), reply.confidence()));
                }
            }
        }
        if (lines == 0) {
            return null;
        }
        List<Confusion> confusion = new ArrayList<>();
        confused.forEach((pair, count) -> confusion.add(new Confusion(pair.get(0), pair.get(1), count)));
        confusion.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::expected).thenComparing(Confusion::shown));
        misses.sort(Comparator.comparingDouble(Miss::confidence).reversed());
        return new AnswerScores(lines, ClassificationMetrics.ratio(right, lines),
                ClassificationMetrics.ratio(right, answered), ClassificationMetrics.ratio(top, lines), confusion, misses);
    }

    /** Right entries shown / answered lines that name their entries, of one pass; NaN-free (0 when none). */
    static double[] accuracyAndPrecision(List<LabeledText> data, List<Reply> replies) {
        AnswerScores scores = of(data, replies);
        return scores == null ? null : new double[] {scores.answerAccuracy(), scores.answerPrecision()};
    }

    /** The entries the user saw: the answer and its suggestions, or the options (the first {@value #TOP}). */
    private static List<String> shown(Reply reply) {
        List<String> ids = new ArrayList<>();
        if (reply.action() == Action.ANSWER && reply.faqId() != null) {
            ids.add(reply.faqId());
        }
        if (reply.action() == Action.ANSWER || reply.action() == Action.CLARIFY) {
            for (Suggestion s : reply.suggestions()) {
                ids.add(s.faqId());
            }
        }
        return ids.subList(0, Math.min(TOP, ids.size()));
    }
}
