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
        List<String> grams = new ArrayList<>((text.length() + 2) * (max - min + 1));
        forEachGram(min, max, markers, (framed, from, to) -> grams.add(framed.substring(from, to)));
        return grams;
    }

    /**
     * The grams of {@link #charGrams}, in the same order, handed over as slices of the framed text
     * without making a string of each (the classifiers look them up in place).
     */
    public void forEachGram(int min, int max, boolean markers, GramSink sink) {
        String s = markers ? "^" + text + "$" : text;
        for (int n = min; n <= max; n++) {
            int space = -1; // the last space before i + n
            for (int i = 0; i + n <= s.length(); i++) {
                if (i == 0) {
                    space = s.lastIndexOf(' ', n - 1);
                } else if (s.charAt(i + n - 1) == ' ') {
                    space = i + n - 1;
                }
                if (space < i && !(markers && n == 1 && (i == 0 || i == s.length() - 1))) {
                    sink.gram(s, i, i + n);
                }
            }
        }
    }

    /** Receives one character n-gram: {@code framed.substring(from, to)}. */
    @FunctionalInterface
    public interface GramSink {
        void gram(String framed, int from, int to);
    }
}
