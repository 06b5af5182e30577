package dev.kefu.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Masks personal data in a message before it is stored, logged or shown: bank-card numbers,
 * mainland mobile numbers, resident ID numbers, e-mail addresses, verification codes and CVVs,
 * passwords. Matching runs on the masking form ({@link MaskingForm}: full-width and Chinese digits
 * as ASCII, same offsets), so the stored text stays what the user wrote, with only the personal
 * data replaced. Numbers may be spaced, dotted or dashed ({@link DigitRuns}); codes, passwords and
 * e-mails are found by {@link Secrets}. A card number typed over two messages is found with
 * {@link #mask(String, int)}. Stateless and thread-safe.
 */
public final class PiiMasker {
    /** What stands for a code or a password. */
    static final String HIDDEN = "[已隐藏]";
    /** What stands for the first part of a card number whose rest came in the next message. */
    public static final String CARD_FIRST_PART = "[银行卡 前段]";
    /** Fewest and most digits a message may end with to be the first part of a card number. */
    private static final int MIN_PART = 4;
    private static final int MAX_FIRST_PART = 12;
    private static final int MIN_SECOND_PART = 3;

    /** What was found. */
    public enum Kind { BANK_CARD, MOBILE, ID_NUMBER, EMAIL, CODE, PASSWORD }

    /**
     * The masked text and the kinds of data that were masked; {@code endsPreviousCard} when the
     * message began with the rest of a card number whose first part ended the previous message
     * (which should then be masked with {@link #maskCardStart}).
     */
    public record Result(String text, Set<Kind> found, boolean endsPreviousCard) {
        public Result {
            Objects.requireNonNull(text, "text");
            found = found.isEmpty() ? Set.of() : Set.copyOf(found);
        }

        public Result(String text, Set<Kind> found) {
            this(text, found, false);
        }
    }

    /** {@code text} with personal data masked. */
    /** Placeholders of cards and IDs, and masked mobiles, as {@link #forReading} replaces them. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "\\[银行卡[^\\]]*\\]|\\[身份证号\\]|\\[已隐藏\\]|(?<![0-9])1[3-9][0-9]\\*{4}[0-9]{4}(?![0-9])");

    /**
     * {@code masked} as the classifier and the ranker should read it: a placeholder becomes the plain
     * word it stands for (「[银行卡 尾号6667]」 → 「银行卡」, a masked mobile → 「手机号」), so that a
     * card number in a question does not pull it out of scope. Not for storing: it drops the last digits.
     */
    public static String forReading(String masked) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(masked);
        StringBuilder out = new StringBuilder(masked.length());
        while (m.find()) {
            String found = m.group();
            String word = found.startsWith("[银行卡") ? "银行卡" : found.equals("[身份证号]") ? "身份证"
                    : found.equals("[已隐藏]") ? "" : "手机号";
            m.appendReplacement(out, word);
        }
        m.appendTail(out);
        return out.toString();
    }

    public Result mask(String text) {
        return mask(text, 0);
    }

    /**
     * {@code text} with personal data masked, where the previous message of the conversation ended
     * with {@code carriedDigits} digits that may be the start of a card number ({@link #trailingDigits}).
     */
    public Result mask(String text, int carriedDigits) {
        String form = MaskingForm.of(text);
        List<DigitRuns.Found> found = new ArrayList<>();
        Secrets.find(form, found);
        boolean endsPrevious = carriedDigits > 0 && continuesCard(form, carriedDigits, found);
        found.addAll(DigitRuns.find(form));
        return apply(text, found, endsPrevious);
    }

    /**
     * How many digits {@code text} ends with that may be the first part of a card number typed over
     * two messages (4–12 digits, spaced as a card may be, not an order number), else 0.
     */
    public int trailingDigits(String text) {
        Tail tail = tail(MaskingForm.of(text));
        return tail == null ? 0 : tail.digits();
    }

    /** {@code text} with the digits it ends with ({@link #trailingDigits}) replaced by {@link #CARD_FIRST_PART}. */
    public String maskCardStart(String text) {
        Tail tail = tail(MaskingForm.of(text));
        return tail == null ? text : text.substring(0, tail.start()) + CARD_FIRST_PART + text.substring(tail.end());
    }

    /** Where the digits a text ends with are, and how many. */
    private record Tail(int start, int end, int digits) {
    }

    private static Tail tail(String form) {
        String trimmed = form.replaceAll("[\\s。.,，!！]+$", "");
        Matcher m = DigitRuns.RUN.matcher(trimmed);
        Tail last = null;
        while (m.find()) {
            if (m.end() != trimmed.length()) {
                continue;
            }
            int digits = DigitRuns.digitPositions(trimmed, m.start(), m.end()).length;
            char before = m.start() > 0 ? form.charAt(m.start() - 1) : ' ';
            if (digits >= MIN_PART && digits <= MAX_FIRST_PART && before != '*' && before != ']'
                    && !DigitRuns.orderNumber(form, m.start())) {
                last = new Tail(m.start(), m.end(), digits);
            }
        }
        return last;
    }

    /** Whether {@code form} begins with the rest of a card number; when it does, that rest is added to {@code found}. */
    private static boolean continuesCard(String form, int carried, List<DigitRuns.Found> found) {
        Matcher m = DigitRuns.RUN.matcher(form);
        int lead = 0;
        while (lead < form.length() && Character.isWhitespace(form.charAt(lead))) {
            lead++;
        }
        if (!m.find(lead) || m.start() != lead) {
            return false;
        }
        int[] at = DigitRuns.digitPositions(form, m.start(), m.end());
        String digits = DigitRuns.digitsOf(form, at, 0, at.length);
        int total = carried + digits.length();
        if (digits.length() < MIN_SECOND_PART || digits.length() > 19 - MIN_PART || total < 13 || total > 19) {
            return false;
        }
        found.add(new DigitRuns.Found(m.start(), m.end(), Kind.BANK_CARD,
                digits.length() >= 4 ? DigitRuns.card(digits) : "[银行卡 后段]"));
        return true;
    }

    /** {@code text} with the found spans replaced, the first found winning where two overlap. */
    private static Result apply(String text, List<DigitRuns.Found> found, boolean endsPrevious) {
        List<DigitRuns.Found> kept = new ArrayList<>();
        for (DigitRuns.Found f : found) {
            if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(DigitRuns.Found::start));
        StringBuilder out = new StringBuilder(text.length());
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        int at = 0;
        for (DigitRuns.Found f : kept) {
            out.append(text, at, f.start()).append(f.replacement());
            at = f.end();
            kinds.add(f.kind());
        }
        out.append(text.substring(at));
        return new Result(out.toString(), kinds, endsPrevious);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** GB 11643: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 and check characters 1 0 X 9 8 7 6 5 4 3 2. */
    static boolean validId(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31
                && Character.toUpperCase(id.charAt(17)) == checks.charAt(sum % 11);
    }
}
