package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import java.util.List;
import java.util.Objects;

/**
 * One user message as the policy sees it: the normalized text, the classifier's prediction, the
 * BM25 hits (best first, raw scores; the follow-up rules read them) and the ranked answers (best
 * first, each with the probability that it is the right entry). Without ranked answers the policy
 * ranks intent first: each likely intent's best hit, with the intent's confidence. {@code inContext}
 * holds the answers ranked for the message read after the question last answered (「转账要手续费吗？」
 * then 「那信用卡还款呢」), for a follow-up that leans on it; empty when there was none.
 */
public record Message(String text, IntentPrediction prediction, List<FaqHit> hits, List<FaqHit> answers,
                      List<FaqHit> inContext) {
    public Message {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(prediction, "prediction");
        hits = List.copyOf(hits);
        answers = List.copyOf(answers);
        inContext = List.copyOf(inContext);
    }

    /** A message read on its own. */
    public Message(String text, IntentPrediction prediction, List<FaqHit> hits, List<FaqHit> answers) {
        this(text, prediction, hits, answers, List.of());
    }

    /** A message without ranked answers. */
    public Message(String text, IntentPrediction prediction, List<FaqHit> hits) {
        this(text, prediction, hits, List.of());
    }
}
