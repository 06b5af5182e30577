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
    private FaqTerms() {
    }

    /** Distinct terms of {@code tokens}, words first. */
    static List<String> of(Tokens tokens) {
        LinkedHashSet<String> terms = new LinkedHashSet<>(tokens.words());
        terms.addAll(tokens.charGrams(2, 2, false));
        return new ArrayList<>(terms);
    }
}
