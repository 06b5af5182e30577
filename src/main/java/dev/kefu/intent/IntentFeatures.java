package dev.kefu.intent;

import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classifier's feature set, shared by training and inference: words ({@code w=}), word
 * bigrams ({@code b=}) and character 1–3-grams of {@code "^" + text + "$"} ({@code c=}).
 * Character n-grams were the largest single gain on the public benchmark (DESIGN.md); the start
 * and end markers make 「退款」 as a whole message a feature of its own.
 */
public final class IntentFeatures {
    private IntentFeatures() {
    }

    /** Feature strings of {@code tokens}, possibly with repeats (counts matter to maxent). */
    public static String[] of(Tokens tokens) {
        return of(tokens, true);
    }

    /** The same, with or without the word bigrams (the liblinear classifier does better without). */
    public static String[] of(Tokens tokens, boolean wordBigrams) {
        List<String> words = tokens.words();
        List<String> grams = tokens.charGrams(1, 3, true);
        List<String> features = new ArrayList<>(words.size() * 2 + grams.size());
        for (int i = 0; i < words.size(); i++) {
            features.add("w=" + words.get(i));
            if (wordBigrams && i > 0) {
                features.add("b=" + words.get(i - 1) + "_" + words.get(i));
            }
        }
        for (String gram : grams) {
            features.add("c=" + gram);
        }
        return features.toArray(new String[0]);
    }

    /**
     * The numbers in {@code index} of the features {@link #of(Tokens, boolean)} gives, in the same
     * order and with the same repeats, leaving out features the index does not hold. No feature
     * string is built: this is the prediction path.
     */
    public static int[] rows(Tokens tokens, boolean wordBigrams, FeatureIndex index) {
        List<String> words = tokens.words();
        Rows rows = new Rows(index, words.size() * 2 + 3 * (tokens.text().length() + 2));
        for (int i = 0; i < words.size(); i++) {
            rows.add(index.word(words.get(i)));
            if (wordBigrams && i > 0) {
                rows.add(index.bigram(words.get(i - 1), words.get(i)));
            }
        }
        tokens.forEachGram(1, 3, true, rows);
        return Arrays.copyOf(rows.found, rows.count);
    }

    private static final class Rows implements Tokens.GramSink {
        private final FeatureIndex index;
        private final int[] found;
        private int count;

        Rows(FeatureIndex index, int capacity) {
            this.index = index;
            this.found = new int[capacity];
        }

        void add(int row) {
            if (row >= 0) {
                found[count++] = row;
            }
        }

        @Override
        public void gram(String framed, int from, int to) {
            add(index.gram(framed, from, to));
        }
    }
}
