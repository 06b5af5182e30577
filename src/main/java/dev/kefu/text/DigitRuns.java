package dev.kefu.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of digits in the masking form ({@link MaskingForm}), with anything a person puts between
 * groups of a number: spaces (one or several), dashes, dots, slashes, emoji. A run is judged as a
 * whole: 11 digits from 1[3-9] a mobile, 18 with a valid check digit a resident ID, any other run
 * of 13–19 digits a possible bank card (privacy first: one failing the Luhn check is masked too,
 * unless an order or transaction number word stands right before it). A longer run (a card and a
 * mobile one space apart) is cut into its groups and searched for valid numbers.
 */
final class DigitRuns {
    /** What may stand between two digits of one number (at most three of them in a row). */
    static final String SEPARATOR = "[\\s\\-\\u2010-\\u2015._·•/|*~+\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}]";
    static final Pattern RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9](?:" + SEPARATOR + "{0,3}[0-9])*"
            + "(?:" + SEPARATOR + "?[Xx])?(?![0-9A-Za-z])");
    /** Digits right after these words are an order or transaction number, not a card. */
    private static final Pattern ORDER_CONTEXT = Pattern.compile("(订单编?号?|单号|流水号|交易号|商户号|工单号|运单号|快递单?号"
            + "|物流单?号|发票号|批次号|order(?: no\\.?| id| number)?|tracking(?: no\\.?| number)?|invoice(?: no\\.?)?)"
            + "(?:是|为|码)?[:：#\\s]*$", Pattern.CASE_INSENSITIVE);

    /** A number found: where it is in the text and what stands there instead. */
    record Found(int start, int end, PiiMasker.Kind kind, String replacement) {
    }

    private DigitRuns() {
    }

    /** The numbers in {@code form} (the masking form of a message). */
    static List<Found> find(String form) {
        List<Found> found = new ArrayList<>();
        Matcher m = RUN.matcher(form);
        while (m.find()) {
            judge(form, m.start(), m.end(), found);
        }
        return found;
    }

    /** The positions of the digits (and a final X) of the run at [start, end). */
    static int[] digitPositions(String form, int start, int end) {
        int[] positions = new int[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = form.charAt(i);
            if (c >= '0' && c <= '9' || (c == 'X' || c == 'x') && i == end - 1) {
                positions[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(positions, n);
    }

    private static void judge(String form, int start, int end, List<Found> found) {
        int[] at = digitPositions(form, start, end);
        String digits = digitsOf(form, at, 0, at.length);
        if (Character.toUpperCase(digits.charAt(digits.length() - 1)) == 'X') {
            if (digits.length() == 18 && plausibleId(digits)) {
                found.add(new Found(start, end, PiiMasker.Kind.ID_NUMBER, "[身份证号]"));
                return;
            }
            at = java.util.Arrays.copyOf(at, at.length - 1);
            digits = digits.substring(0, digits.length() - 1);
            if (at.length == 0) {
                return;
            }
        }
        Found whole = number(form, at, 0, at.length, digits, false);
        if (whole != null) {
            found.add(whole);
        } else if (digits.length() > 19) {
            splitIntoNumbers(form, at, found);
        }
    }

    /** The number the digits {@code at[from, to)} make, or null; {@code strict} wants Luhn for a card. */
    private static Found number(String form, int[] at, int from, int to, String digits, boolean strict) {
        int start = at[from];
        int end = at[to - 1] + 1;
        int n = digits.length();
        if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            return mobile(form, start, end, digits);
        }
        if (n == 13 && digits.startsWith("861") && digits.charAt(3) >= '3') {
            return mobile(form, start, end, digits.substring(2));
        }
        if (n == 18 && (PiiMasker.validId(digits) || plausibleId(digits))) {
            return new Found(start, end, PiiMasker.Kind.ID_NUMBER, "[身份证号]");
        }
        if (n >= 13 && n <= 19 && (!strict || PiiMasker.luhn(digits)) && !orderNumber(form, start)) {
            return new Found(start, end, PiiMasker.Kind.BANK_CARD, card(digits));
        }
        return null;
    }

    static String card(String digits) {
        return "[银行卡 尾号" + digits.substring(digits.length() - 4) + "]";
    }

    private static Found mobile(String form, int start, int end, String digits) {
        int from = start > 0 && form.charAt(start - 1) == '+' ? start - 1 : start;
        return new Found(from, end, PiiMasker.Kind.MOBILE, digits.substring(0, 3) + "****" + digits.substring(7));
    }

    /** A run longer than any number: each longest span of whole groups that is a valid number. */
    private static void splitIntoNumbers(String form, int[] at, List<Found> found) {
        List<Integer> groupStarts = new ArrayList<>();
        for (int k = 0; k < at.length; k++) {
            if (k == 0 || at[k] != at[k - 1] + 1) {
                groupStarts.add(k);
            }
        }
        groupStarts.add(at.length);
        int g = 0;
        while (g < groupStarts.size() - 1) {
            Found best = null;
            int bestEnd = g;
            for (int h = g + 1; h < groupStarts.size(); h++) {
                int from = groupStarts.get(g);
                int to = groupStarts.get(h);
                if (to - from > 19) {
                    break;
                }
                Found f = number(form, at, from, to, digitsOf(form, at, from, to), true);
                if (f != null) {
                    best = f;
                    bestEnd = h;
                }
            }
            if (best != null) {
                found.add(best);
                g = bestEnd;
            } else {
                g++;
            }
        }
    }

    static boolean orderNumber(String form, int start) {
        return ORDER_CONTEXT.matcher(form.substring(Math.max(0, start - 14), start)).find();
    }

    /** 17 digits and a check character with a birth month and day that can be: a typed ID, even with a wrong check. */
    private static boolean plausibleId(String id) {
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        return id.charAt(0) != '0' && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    static String digitsOf(String form, int[] at, int from, int to) {
        StringBuilder digits = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            digits.append(form.charAt(at[k]));
        }
        return digits.toString();
    }
}
