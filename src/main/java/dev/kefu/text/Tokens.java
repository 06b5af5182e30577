package dev.kefu.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tokens of one normalized message: the text after synonym rewriting, its words (smartcn
 * words plus every canonical synonym found, as whole words, since smartcn splits 客服 into 客|服),
 * and character n-grams derived from the text on demand.
 */
public record Tokens(String text, List<String> words) {
    public Tokens {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }

    /** True when the message had nothing left after normalization. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * Character n-grams of length {@code min..max}. With {@code markers}, the text is framed as
     * {@code "^" + text + "$"} so that grams at the start and the end of a message are distinct
     * features (「退款」 alone differs from 「退款」 inside a sentence). Spaces are not part of grams.
     */
    public List<String> charGrams(int min, int max, boolean markers) {
        String s = markers ? "^" + text + "$" : text;
        List<String> grams = new ArrayList<>(s.length() * (max - min + 1));
        for (int n = min; n <= max; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                String gram = s.substring(i, i + n);
                if (gram.indexOf(' ') < 0 && !(markers && n == 1 && (i == 0 || i == s.length() - 1))) {
                    grams.add(gram);
                }
            }
        }
        return grams;
    }
}
