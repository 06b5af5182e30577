package dev.kefu.text;

import com.ibm.icu.text.Transliterator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message typed in pinyin as the Chinese it stands for: 「tui kuan duo jiu dao zhang」 →
 * 「退款多久到账」, and the initials of a common phrase, 「zrg」 → 「转人工」. The words and phrases are
 * the ones of the texts it is built from (the FAQ), each pinyin read as its most frequent spelling
 * there, so the result is text the classifier knows. A message that is not all pinyin is left as it
 * is, as is one it cannot read whole (English: 「ok」「app」). Immutable and thread-safe.
 */
public final class Pinyin {
    /** Reads nothing: every message is left as it is. */
    public static final Pinyin NONE = new Pinyin(() -> new Pinyin(Map.of(), Map.of(), Map.of()));
    /** Longest word (characters) looked up as one. */
    private static final int LONGEST_WORD = 4;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LETTERS_AND_SPACES = Pattern.compile("[a-z]+(?: +[a-z]+)*");
    private static final Pattern NO_VOWEL = Pattern.compile("[b-df-hj-np-tv-z]{3,6}");
    /** A phrase is read from its initials only when the texts use it this often (「转人工」, not any three characters). */
    private static final int COMMON_PHRASE = 5;
    /** Chat abbreviations in Latin letters that are no pinyin initials. */
    private static final Set<String> LATIN_ABBREVIATIONS = Set.of("thx", "pls", "plz", "btw", "lol", "omg", "wtf",
            "thks", "thnx", "brb", "idk", "asap", "fyi", "msg", "pwd", "sms", "vip", "cvv", "pin", "nfc", "ppt", "pdf");

    /** Syllables, space-separated ("tui kuan"), to the most frequent word with that reading. */
    private final Map<String, String> words;
    /** Initials ("zrg") of common phrases of three or four characters, to the most frequent one. */
    private final Map<String, String> initials;
    /** Every syllable, to its most frequent character. */
    private final Map<String, String> syllables;

    /** Builds the tables on first need (ICU's Han-Latin takes most of a second to set up); null once built. */
    private volatile java.util.function.Supplier<Pinyin> pending;
    private volatile Pinyin built;

    private Pinyin(Map<String, String> words, Map<String, String> initials, Map<String, String> syllables) {
        this.words = words;
        this.initials = initials;
        this.syllables = syllables;
        this.built = this;
    }

    private Pinyin(java.util.function.Supplier<Pinyin> pending) {
        this.words = null;
        this.initials = null;
        this.syllables = null;
        this.pending = pending;
    }

    /**
     * The readings of every word of one to four Han characters in {@code texts}, worked out the first
     * time a message looks like pinyin: messages in Chinese never pay for them, nor does start-up.
     */
    public static Pinyin of(Collection<String> texts) {
        List<String> copy = List.copyOf(texts);
        return new Pinyin(() -> build(copy));
    }

    private Pinyin tables() {
        Pinyin tables = built;
        if (tables == null) {
            synchronized (this) {
                if (built == null) {
                    built = pending.get();
                    pending = null;
                }
                tables = built;
            }
        }
        return tables;
    }

    private static Pinyin build(Collection<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            var runs = HAN.matcher(text);
            while (runs.find()) {
                String run = runs.group();
                for (int i = 0; i < run.length(); i++) {
                    for (int n = 1; n <= LONGEST_WORD && i + n <= run.length(); n++) {
                        counts.merge(run.substring(i, i + n), 1, Integer::sum);
                    }
                }
            }
        }
        Map<Integer, String> readingOf = readings(counts.keySet());
        Map<String, String> words = new HashMap<>();
        Map<String, Integer> wordCounts = new HashMap<>();
        Map<String, String> initials = new HashMap<>();
        Map<String, Integer> initialCounts = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String word = e.getKey();
            StringBuilder reading = new StringBuilder();
            StringBuilder firsts = new StringBuilder();
            boolean readable = true;
            for (int i = 0; i < word.length() && readable; i++) {
                String syllable = readingOf.getOrDefault((int) word.charAt(i), "");
                readable = syllable.matches("[a-z]+");
                reading.append(i == 0 ? "" : " ").append(syllable);
                firsts.append(syllable.isEmpty() ? "" : syllable.substring(0, 1));
            }
            if (!readable) {
                continue;
            }
            keepMostFrequent(words, wordCounts, reading.toString(), word, e.getValue());
            if (word.length() >= 3 && e.getValue() >= COMMON_PHRASE) {
                keepMostFrequent(initials, initialCounts, firsts.toString(), word, e.getValue());
            }
        }
        Map<String, String> syllables = new HashMap<>();
        words.forEach((reading, word) -> {
            if (word.length() == 1) {
                syllables.put(reading, word);
            }
        });
        return new Pinyin(Map.copyOf(words), Map.copyOf(initials), Map.copyOf(syllables));
    }

    /**
     * The toneless reading of every character of {@code words}: one transliteration of all of them,
     * a line each (a call per character costs ICU far more).
     */
    private static Map<Integer, String> readings(Collection<String> words) {
        java.util.TreeSet<Integer> chars = new java.util.TreeSet<>();
        words.forEach(w -> w.chars().forEach(chars::add));
        StringBuilder all = new StringBuilder(chars.size() * 2);
        chars.forEach(c -> all.appendCodePoint(c).append('\n'));
        String[] read = Transliterator.getInstance("Han-Latin; Latin-ASCII").transliterate(all.toString())
                .toLowerCase(Locale.ROOT).split("\n", -1);
        Map<Integer, String> readingOf = new HashMap<>();
        int i = 0;
        for (int c : chars) {
            readingOf.put(c, i < read.length ? read[i].strip() : "");
            i++;
        }
        if (read.length != chars.size() + 1) {
            throw new IllegalStateException("Han-Latin read " + chars.size() + " characters as " + (read.length - 1)
                    + " lines");
        }
        return readingOf;
    }

    private static void keepMostFrequent(Map<String, String> best, Map<String, Integer> counts, String key,
                                         String word, int count) {
        Integer seen = counts.get(key);
        if (seen == null || count > seen || count == seen && word.compareTo(best.get(key)) < 0) {
            best.put(key, word);
            counts.put(key, count);
        }
    }

    /** {@code normalized} (lower case) in Chinese when it is pinyin or initials this can read whole; else itself. */
    public String toHanzi(String normalized) {
        String text = normalized.strip();
        if (!LETTERS_AND_SPACES.matcher(text).matches()) {
            return normalized;
        }
        return tables().read(text, normalized);
    }

    private String read(String text, String normalized) {
        if (syllables.isEmpty()) {
            return normalized;
        }
        if (NO_VOWEL.matcher(text).matches()) {
            return LATIN_ABBREVIATIONS.contains(text) ? normalized : initials.getOrDefault(text, normalized);
        }
        java.util.List<String> read = new java.util.ArrayList<>();
        for (String token : text.split(" +")) {
            java.util.List<String> split = syllablesOf(token);
            if (split == null) {
                return normalized;
            }
            read.addAll(split);
        }
        return read.size() < 2 ? normalized : words(read);
    }

    /** {@code token} cut into the fewest syllables, or null when it is no run of syllables. */
    private java.util.List<String> syllablesOf(String token) {
        int n = token.length();
        int[] fewest = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int i = 0; i < n; i++) {
            if (fewest[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(n, i + 6); j++) {
                if (syllables.containsKey(token.substring(i, j)) && fewest[i] + 1 < fewest[j]) {
                    fewest[j] = fewest[i] + 1;
                    from[j] = i;
                }
            }
        }
        if (fewest[n] == Integer.MAX_VALUE) {
            return null;
        }
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        for (int j = n; j > 0; j = from[j]) {
            out.addFirst(token.substring(from[j], j));
        }
        return out;
    }

    /** The syllables as the fewest known words (a syllable alone at worst). */
    private String words(java.util.List<String> read) {
        int n = read.size();
        int[] fewest = new int[n + 1];
        String[] word = new String[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int i = 0; i < n; i++) {
            StringBuilder key = new StringBuilder();
            for (int j = i + 1; j <= Math.min(n, i + LONGEST_WORD); j++) {
                key.append(j == i + 1 ? "" : " ").append(read.get(j - 1));
                String found = words.get(key.toString());
                if (found != null && fewest[i] + 1 < fewest[j]) {
                    fewest[j] = fewest[i] + 1;
                    word[j] = found;
                    from[j] = i;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int j = n; j > 0; j = from[j]) {
            out.insert(0, word[j]);
        }
        return out.toString();
    }

    /** How many readings it knows (words of one to four characters). */
    public int size() {
        return tables().words.size();
    }
}
