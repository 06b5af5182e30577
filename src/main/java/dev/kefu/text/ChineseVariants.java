package dev.kefu.text;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional → simplified Chinese, one character at a time, from a lookup table.
 *
 * <p>The table is derived once per process from ICU4J's {@code Traditional-Simplified}
 * transliterator (Unicode licence, maintained with CLDR): calling the transliterator per message
 * is about 20x slower than a table lookup. Character-level mapping loses phrase-level choices
 * (ICU maps 帳 to 帐, not 账); {@code corpus/synonyms.txt} joins such variants.
 * Immutable and thread-safe.
 */
public final class ChineseVariants {
    private static final int[][] RANGES = {
        {0x3400, 0x4DBF}, // CJK Extension A
        {0x4E00, 0x9FFF}, // CJK Unified Ideographs
    };

    private final char[] simplified;

    private ChineseVariants(char[] simplified) {
        this.simplified = simplified;
    }

    /** The shared table built from ICU4J (built on first use, about 0.3 s). */
    public static ChineseVariants icu() {
        return Holder.INSTANCE;
    }

    /** Maps every traditional character in {@code text} to its simplified form. */
    public String toSimplified(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(simplify(text.charAt(i)));
        }
        return out.toString();
    }

    /** The simplified form of one BMP character; the character itself when it has none. */
    public char simplify(char c) {
        return simplified[c];
    }

    private static ChineseVariants buildFromIcu() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
        }
        for (int[] range : RANGES) {
            for (int c = range[0]; c <= range[1]; c++) {
                String mapped = t2s.transliterate(String.valueOf((char) c));
                if (mapped.length() == 1) {
                    table[c] = mapped.charAt(0);
                }
            }
        }
        return new ChineseVariants(table);
    }

    private static final class Holder {
        static final ChineseVariants INSTANCE = buildFromIcu();
    }
}
