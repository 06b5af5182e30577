package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.Tokens;
import java.util.List;

/** Ranks the FAQ entries that may answer one message. Implementations are thread-safe. */
public interface AnswerRanker {
    /** The ranking of {@code tokens}, whose intents the classifier ranked as {@code prediction}. */
    Ranking rank(Tokens tokens, IntentPrediction prediction);

    /** Every entry, in corpus order. */
    List<FaqEntry> entries();

    /** What {@code /health} and the manifest say of this ranker, e.g. {@code learned (bge-small-zh-v1.5-q)}. */
    String describe();
}
