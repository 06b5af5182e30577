package dev.kefu.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Canonical form of a user message for features: NFKC (which also folds full-width ASCII and the
 * ideographic space to half-width), traditional → simplified, lower case, emoji removed, runs of
 * the same punctuation collapsed, whitespace collapsed and dropped between two Chinese characters
 * (「退 款」 is 「退款」). Transcripts keep the original text; only features use this form.
 * Immutable and thread-safe.
 */
public final class TextNormalizer {
    private final ChineseVariants variants;

    public TextNormalizer(ChineseVariants variants) {
        this.variants = Objects.requireNonNull(variants, "variants");
    }

    /** The normalized form of {@code raw}; empty when nothing but spaces, emoji or controls remain. */
    public String normalize(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        int i = 0;
        while (i < nfkc.length()) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                appendSpace(out);
            } else if (isEmojiOrControl(cp)) {
                continue;
            } else if (isPunctuation(cp) && endsWith(out, cp)) {
                continue; // 「！！！」 carries no more meaning than 「！」
            } else if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                char c = variants.simplify((char) cp);
                out.append(Character.toLowerCase(c));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return dropSpacesBetweenHan(out).trim().toLowerCase(Locale.ROOT);
    }

    private static void appendSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean endsWith(StringBuilder out, int cp) {
        return cp < Character.MIN_SUPPLEMENTARY_CODE_POINT
                && out.length() > 0 && out.charAt(out.length() - 1) == cp;
    }

    private static String dropSpacesBetweenHan(StringBuilder s) {
        for (int i = s.length() - 2; i > 0; i--) {
            if (s.charAt(i) == ' ' && isHan(s.charAt(i - 1)) && isHan(s.charAt(i + 1))) {
                s.deleteCharAt(i);
            }
        }
        return s.toString();
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isPunctuation(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /** Emoji, pictographs, their modifiers and joiners, and control characters carry no feature. */
    private static boolean isEmojiOrControl(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) // emoticons, pictographs, transport, flags, modifiers
                || (cp >= 0x2600 && cp <= 0x27BF) // misc symbols and dingbats (☀ ✈ ❤)
                || (cp >= 0x2B00 && cp <= 0x2BFF) // arrows and stars (⭐)
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0xE0000 && cp <= 0xE007F) // tags
                || cp == 0x200D || cp == 0x20E3 // zero-width joiner, keycap
                || Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.FORMAT;
    }
}
