package dev.kefu.dialog;

import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.Intents;
import dev.kefu.text.Tokenizer;
import dev.kefu.text.Tokens;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a long message clause by clause when the whole of it is out of scope or unsure. In a
 * paragraph that tells a story (「我昨天在超市…付了好几次都显示失败，但是余额是够的…」) the problem
 * is one clause and the rest is context whose words pull the whole towards {@code oos}. The most
 * confident in-scope clause wins when it reaches {@code answer}; otherwise the whole message's
 * prediction stands. Short messages cost nothing extra. Thread-safe when its parts are.
 */
final class LongMessageClassifier implements IntentClassifier {
    /** Messages shorter than this (normalized characters) are read whole only. */
    static final int LONG = 40;
    private static final int SHORTEST_CLAUSE = 4;
    private static final Pattern CLAUSES = Pattern.compile("[,.!?;:，。！？；：、]+");
    /** A stretch without punctuation this long (characters) is also cut before {@link #SPOKEN_BREAK}. */
    static final int RUN_ON = 24;
    /** Where a new clause starts in unpunctuated speech: before these words, or after a space. */
    private static final Pattern SPOKEN_BREAK = Pattern.compile("\\s+|(?=但是|可是|不过|结果|后来|然后|所以|而且|可我|"
            + "但我|到现在)");

    private final IntentClassifier whole;
    private final Tokenizer tokenizer;
    private final double answer;

    LongMessageClassifier(IntentClassifier whole, Tokenizer tokenizer, double answer) {
        this.whole = Objects.requireNonNull(whole, "whole");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.answer = answer;
    }

    @Override
    public IntentPrediction classify(Tokens tokens) {
        IntentPrediction prediction = whole.classify(tokens);
        boolean unsure = prediction.top().label().equals(Intents.OOS) || prediction.top().confidence() < answer;
        if (tokens.text().length() < LONG || !unsure) {
            return prediction;
        }
        IntentPrediction best = prediction;
        double bestConfidence = answer;
        for (String clause : clauses(tokens.text())) {
            IntentPrediction part = whole.classify(tokenizer.tokenize(clause));
            String label = part.top().label();
            if (!label.equals(Intents.OOS) && !Intents.isSmallTalk(label) && part.top().confidence() >= bestConfidence) {
                best = part;
                bestConfidence = part.top().confidence();
            }
        }
        return best;
    }

    /**
     * The clauses of {@code text} long enough to read alone, stripped: split at punctuation, and a
     * stretch without any (voice input: 「…商家说已经给我退款了但是我到现在都没收到…」) also before
     * the words that start a new clause in speech.
     */
    static java.util.List<String> clauses(String text) {
        return java.util.Arrays.stream(CLAUSES.split(text)).map(String::strip)
                .flatMap(c -> c.length() < RUN_ON ? java.util.stream.Stream.of(c)
                        : java.util.Arrays.stream(SPOKEN_BREAK.split(c)).map(String::strip))
                .filter(c -> c.length() >= SHORTEST_CLAUSE).toList();
    }

    @Override
    public Set<String> labels() {
        return whole.labels();
    }
}
