package dev.kefu.text;

/**
 * The form of a message that {@link PiiMasker} matches on: one character for each character of the
 * message, so that an offset in it is the same offset in what the user wrote. Full-width ASCII
 * (a Chinese IME in full-width mode: 「１３８」, 「＠」, 「．」) becomes ASCII, the ideographic
 * space a space, and Chinese digits (〇零一二…九, 幺 and the financial 壹贰叁…) become ASCII digits
 * when at least three of them stand together (「一三八一二三四五六七八」 is a number, 「一直」 is
 * not). Characters outside the BMP (emoji) stay as they are.
 */
final class MaskingForm {
    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖";
    private static final String THEIR_VALUES = "001234567891123456789";
    private static final int MIN_CHINESE_RUN = 3;

    private MaskingForm() {
    }

    /** {@code text} in the masking form: same length, same offsets. */
    static String of(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                out[i] = ' ';
            } else if (CHINESE_DIGITS.indexOf(c) >= 0) {
                int end = i;
                while (end < out.length && CHINESE_DIGITS.indexOf(out[end]) >= 0) {
                    end++;
                }
                if (end - i >= MIN_CHINESE_RUN) {
                    for (int k = i; k < end; k++) {
                        out[k] = THEIR_VALUES.charAt(CHINESE_DIGITS.indexOf(out[k]));
                    }
                }
                i = end;
                continue;
            }
            i++;
        }
        return new String(out);
    }
}
