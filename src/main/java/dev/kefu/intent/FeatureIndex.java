package dev.kefu.intent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Feature strings to numbers, looked up without building the string. A message's features are
 * {@code "w=" + word}, {@code "b=" + word + "_" + word} and {@code "c=" + a slice of the framed text}
 * ({@link IntentFeatures}); building those strings and hashing them again took about a third of a
 * classification. Here the {@link String#hashCode} of the concatenation is computed from its
 * pieces (a word's own hash is cached by the string), and a candidate key is compared in place.
 * Open addressing with linear probing, at most half full; each slot keeps its key's hash, so a
 * probe compares characters only when the hash matches. Immutable and thread-safe.
 */
public final class FeatureIndex {
    private static final int[] POW31 = new int[64];

    static {
        POW31[0] = 1;
        for (int i = 1; i < POW31.length; i++) {
            POW31[i] = POW31[i - 1] * 31;
        }
    }

    private static final int WORD = "w=".hashCode();
    private static final int BIGRAM = "b=".hashCode();
    private static final int GRAM = "c=".hashCode();

    private final String[] keys;
    private final int[] hashes;
    private final int[] values;
    private final int mask;
    private final int size;

    private FeatureIndex(String[] keys, int[] hashes, int[] values, int size) {
        this.keys = keys;
        this.hashes = hashes;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    /** An index answering {@code numbers.get(feature)}; every number must be at least 0. */
    public static FeatureIndex of(Map<String, Integer> numbers) {
        int capacity = Integer.highestOneBit(Math.max(4, numbers.size() * 2 - 1)) << 1;
        String[] keys = new String[capacity];
        int[] hashes = new int[capacity];
        int[] values = new int[capacity];
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("feature numbers must not be negative: " + e);
            }
            int slot = spread(e.getKey().hashCode()) & (capacity - 1);
            while (keys[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = e.getKey();
            hashes[slot] = e.getKey().hashCode();
            values[slot] = e.getValue();
        }
        return new FeatureIndex(keys, hashes, values, numbers.size());
    }

    public int size() {
        return size;
    }

    /** Every feature in the index, in no particular order. */
    public Set<String> keys() {
        Set<String> all = new HashSet<>(size * 2);
        for (String key : keys) {
            if (key != null) {
                all.add(key);
            }
        }
        return all;
    }

    /** The number of {@code feature}, or -1 when it is not in the index. */
    public int get(String feature) {
        int hash = feature.hashCode();
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].equals(feature)) {
                return values[slot];
            }
        }
        return -1;
    }

    /** The numbers of those {@code features} the index holds, in order, repeats kept. */
    public int[] numbers(String[] features) {
        int[] found = new int[features.length];
        int k = 0;
        for (String feature : features) {
            int number = get(feature);
            if (number >= 0) {
                found[k++] = number;
            }
        }
        return Arrays.copyOf(found, k);
    }

    /** The number of {@code "w=" + word}, or -1. */
    public int word(String word) {
        int length = 2 + word.length();
        int hash = append(WORD, word);
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (hashes[slot] == hash && key.length() == length && key.charAt(0) == 'w' && key.charAt(1) == '='
                    && key.regionMatches(2, word, 0, word.length())) {
                return values[slot];
            }
        }
        return -1;
    }

    /** The number of {@code "b=" + first + "_" + second}, or -1. */
    public int bigram(String first, String second) {
        int length = 3 + first.length() + second.length();
        int hash = append(append(BIGRAM, first) * 31 + '_', second);
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (hashes[slot] == hash && key.length() == length && key.charAt(0) == 'b' && key.charAt(1) == '='
                    && key.regionMatches(2, first, 0, first.length())
                    && key.charAt(2 + first.length()) == '_'
                    && key.regionMatches(3 + first.length(), second, 0, second.length())) {
                return values[slot];
            }
        }
        return -1;
    }

    /** The number of {@code "c=" + text.substring(from, to)}, or -1. */
    public int gram(String text, int from, int to) {
        int hash = GRAM;
        for (int i = from; i < to; i++) {
            hash = hash * 31 + text.charAt(i);
        }
        int length = 2 + to - from;
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameGram(keys[slot], length, text, from)) {
                return values[slot];
            }
        }
        return -1;
    }

    /** Whether {@code key} is {@code "c=" + text.substring(from, from + length - 2)}; a gram is a few characters. */
    private static boolean sameGram(String key, int length, String text, int from) {
        if (key.length() != length || key.charAt(0) != 'c' || key.charAt(1) != '=') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            if (key.charAt(i) != text.charAt(from + i - 2)) {
                return false;
            }
        }
        return true;
    }

    /** The hash of {@code prefix + piece}, where {@code prefix} hashes to {@code hash}. */
    private static int append(int hash, String piece) {
        int n = piece.length();
        if (n < POW31.length) {
            return hash * POW31[n] + piece.hashCode();
        }
        for (int i = 0; i < n; i++) {
            hash = hash * 31 + piece.charAt(i);
        }
        return hash;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
