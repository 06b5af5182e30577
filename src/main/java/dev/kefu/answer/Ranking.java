package dev.kefu.answer;

import dev.kefu.faq.FaqHit;
import java.util.List;
import java.util.Objects;

/**
 * The entries that may answer one message, best first, each with the probability (0..1) that it
 * is the right one; and the BM25 hits the ranking started from (best first, raw scores), which the
 * dialog's follow-up rules read. {@code path} says how the ranking was made: {@code fast} (the
 * cheap features decided), {@code full} (the sentence vector was computed) or {@code intent}
 * (the best phrasing within each likely intent).
 */
public record Ranking(List<FaqHit> answers, List<FaqHit> lexical, String path) {
    public Ranking {
        answers = List.copyOf(answers);
        lexical = List.copyOf(lexical);
        Objects.requireNonNull(path, "path");
        for (int i = 0; i < answers.size(); i++) {
            double score = answers.get(i).score();
            if (score > 1.0 || i > 0 && score > answers.get(i - 1).score()) {
                throw new IllegalArgumentException("answers must be probabilities, best first");
            }
        }
    }

    /** A ranking with no candidate. */
    public static Ranking none(String path) {
        return new Ranking(List.of(), List.of(), path);
    }
}
