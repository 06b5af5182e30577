package dev.kefu.text;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional → simplified Chinese, one character at a time, from a lookup table.
 *
 * <p>The table is derived from ICU4J's {@code Traditional-Simplified} transliterator (Unicode
 * licence, maintained with CLDR): calling the transliterator per message is about 20x slower than
 * a table lookup. The derived pairs ship as the resource {@value #TABLE} and are read at start-up in
 * milliseconds, where deriving them took 0.8–1 s of a 2-core server's start (BENCHMARKS.md);
 * {@code ChineseVariantsTest} derives the table from ICU again and fails, with the file to copy,
 * when the resource no longer matches the ICU4J on the class path. Character-level mapping loses phrase-level choices
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

    /** The resource that holds the pairs: one line per character that changes, traditional then simplified. */
    static final String TABLE = "traditional-simplified.txt";

    /** The shared table of ICU4J's pairs, read from {@value #TABLE} on first use. */
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

    /** The pairs of this table, as {@value #TABLE} holds them: "traditional simplified" lines in code order. */
    String pairs() {
        StringBuilder out = new StringBuilder("# traditional simplified: ICU4J Traditional-Simplified, character by"
                + " character (see ChineseVariants)\n");
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (simplified[c] != c) {
                out.append((char) c).append(' ').append(simplified[c]).append('\n');
            }
        }
        return out.toString();
    }

    private static ChineseVariants fromResource() {
        char[] table = identity();
        try (java.io.InputStream in = ChineseVariants.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the class path");
            }
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.length() != 3 || line.charAt(1) != ' ') {
                    throw new IllegalStateException(TABLE + ":" + (i + 1) + ": expected a character, a space and a"
                            + " character, found " + line);
                }
                table[line.charAt(0)] = line.charAt(2);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + TABLE, e);
        }
        return new ChineseVariants(table);
    }

    private static char[] identity() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
        }
        return table;
    }

    /** The table derived from ICU4J itself (about 1 s): what {@value #TABLE} must hold. */
    static ChineseVariants buildFromIcu() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        char[] table = identity();
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
        static final ChineseVariants INSTANCE = fromResource();
    }
}
