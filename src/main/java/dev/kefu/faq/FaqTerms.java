package dev.kefu.faq;

import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Index and query terms of the FAQ: words plus character bigrams. Bigrams give recall where
 * smartcn segments a phrase differently in the question and in the message; unigrams are left
 * out because single characters match nearly every entry and only add noise and query cost.
 */
final class FaqTerms {
    static final int MAX_ANSWER_TERMS = 200;

    private FaqTerms() {
    }

    /** Terms matched against answers: words of two characters or more, at most {@value #MAX_ANSWER_TERMS}. */
    static List<String> answerTerms(Tokens tokens) {
        return tokens.words().stream().filter(w -> w.length() > 1).distinct().limit(MAX_ANSWER_TERMS).toList();
    }

    /** Distinct terms of {@code tokens}, words first. */
    static List<String> of(Tokens tokens) {
        LinkedHashSet<String> terms = new LinkedHashSet<>(tokens.words());
        terms.addAll(tokens.charGrams(2, 2, false));
        return new ArrayList<>(terms);
    }
}
