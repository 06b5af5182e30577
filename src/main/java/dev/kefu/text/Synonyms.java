package dev.kefu.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Domain synonyms and common misspellings, each mapped to one canonical form.
 *
 * <p>File format ({@code corpus/synonyms.txt}): one group per line, comma-separated, the first
 * item is the canonical form: {@code 账号,账户,帐号,帐户}. {@code #} starts a comment line.
 * Items are matched on normalized text (simplified, lower case), longest first.
 * Immutable and thread-safe.
 */
public final class Synonyms {
    private final Map<String, String> canonicalBySurface;
    private final int longest;
    /** The first characters of the surface forms: most positions of a message start none, and are skipped at once. */
    private final BitSet starts = new BitSet();

    private Synonyms(Map<String, String> canonicalBySurface) {
        this.canonicalBySurface = Map.copyOf(canonicalBySurface);
        this.longest = canonicalBySurface.keySet().stream().mapToInt(String::length).max().orElse(0);
        canonicalBySurface.keySet().forEach(surface -> starts.set(surface.charAt(0)));
    }

    /** No synonyms at all. */
    public static Synonyms none() {
        return new Synonyms(Map.of());
    }

    /** Reads a synonyms file, normalizing every item with {@code normalizer}. */
    public static Synonyms read(Path file, TextNormalizer normalizer) {
        return parse(file, CorpusFiles.readLines(file), normalizer);
    }

    static Synonyms parse(Path file, List<String> lines, TextNormalizer normalizer) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] items = line.split("[,，]", -1);
            if (items.length < 2) {
                throw CorpusException.at(file, i + 1, "expected canonical,variant[,variant…], found one item");
            }
            String canonical = normalizer.normalize(items[0]);
            for (String item : items) {
                String surface = normalizer.normalize(item);
                if (surface.isEmpty()) {
                    throw CorpusException.at(file, i + 1, "empty item in synonym group");
                }
                String previous = map.putIfAbsent(surface, canonical);
                if (previous != null && !previous.equals(canonical)) {
                    throw CorpusException.at(file, i + 1, "'" + surface + "' already maps to '" + previous + "'");
                }
            }
        }
        return new Synonyms(map);
    }

    /**
     * Rewrites every known surface form in normalized {@code text} to its canonical form, scanning
     * left to right and preferring the longest match.
     */
    public Rewrite rewrite(String text) {
        if (longest == 0) {
            return new Rewrite(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length());
        List<String> matched = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String canonical = null;
            int length = starts.get(text.charAt(i)) ? Math.min(longest, text.length() - i) : 0;
            for (; length > 0; length--) {
                canonical = canonicalBySurface.get(text.substring(i, i + length));
                if (canonical != null && atWordBoundaries(text, i, i + length)) {
                    break;
                }
                canonical = null;
            }
            if (canonical == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(canonical);
                matched.add(canonical);
                i += length;
            }
        }
        return new Rewrite(out.toString(), matched);
    }

    /** Latin surface forms (「pay」, 「mima」) match whole words only: 「pay」 is not inside 「paypal」. */
    private static boolean atWordBoundaries(String text, int start, int end) {
        boolean latin = isLatin(text.charAt(start)) || isLatin(text.charAt(end - 1));
        return !latin || ((start == 0 || !isLatin(text.charAt(start - 1)))
                && (end == text.length() || !isLatin(text.charAt(end))));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The number of surface forms known. */
    public int size() {
        return canonicalBySurface.size();
    }

    /** Text after rewriting, and the canonical forms that were found in it, in order. */
    public record Rewrite(String text, List<String> canonicals) {
        public Rewrite {
            Objects.requireNonNull(text, "text");
            canonicals = List.copyOf(canonicals);
        }
    }
}
