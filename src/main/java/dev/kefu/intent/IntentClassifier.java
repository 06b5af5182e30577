package dev.kefu.intent;

import dev.kefu.text.Tokens;
import java.util.Set;

/** Ranks intents for one tokenized message. Implementations are thread-safe. */
public interface IntentClassifier {
    /** Every intent, ranked. Tokens with no known feature give a low, flat confidence. */
    IntentPrediction classify(Tokens tokens);

    /** The labels this classifier can predict. */
    Set<String> labels();
}
