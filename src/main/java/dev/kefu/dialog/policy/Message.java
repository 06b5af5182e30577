package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import java.util.List;
import java.util.Objects;

/**
 * One user message as the policy sees it: the normalized text, the classifier's prediction and
 * the FAQ hits, best first.
 */
public record Message(String text, IntentPrediction prediction, List<FaqHit> hits) {
    public Message {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(prediction, "prediction");
        hits = List.copyOf(hits);
    }
}
