package dev.kefu.text;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in a message before it is stored, logged or shown: bank-card numbers
 * (13–19 digits, spaces or dashes allowed, Luhn check, not right after 订单号/流水号), mainland
 * mobile numbers, 18-digit resident ID numbers (check digit), e-mail addresses, verification
 * codes and CVVs typed after their keyword, and passwords typed after 密码. Stateless and
 * thread-safe.
 */
public final class PiiMasker {
    /** What was found. */
    public enum Kind { BANK_CARD, MOBILE, ID_NUMBER, EMAIL, CODE, PASSWORD }

    /** The masked text and the kinds of data that were masked. */
    public record Result(String text, Set<Kind> found) {
        public Result {
            Objects.requireNonNull(text, "text");
            found = found.isEmpty() ? Set.of() : Set.copyOf(found);
        }
    }

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?(1[3-9][0-9])[ -]?[0-9]{4}[ -]?([0-9]{4})(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern CODE = Pattern.compile(
            "(?i)(验证码|校验码|动态码|短信码|安全码|cvv2?|cvc)(\\s*(?:是|为|:|：)?\\s*)([0-9]{3,8})(?![0-9])");
    private static final Pattern PASSWORD = Pattern.compile(
            "(密码|password|pwd)(\\s*(?:是|为|:|：|=)\\s*)(?!多少|什么|啥|几位|多少位|错|不对)([^\\s，。,！!？?]{2,64})",
            Pattern.CASE_INSENSITIVE);
    /** Digits right after these words are an order or transaction number, not a card. */
    private static final Pattern ORDER_CONTEXT = Pattern.compile("(订单号?|单号|流水号|交易号|商户号|order(?: no\\.?| id)?)[:：\\s]*$",
            Pattern.CASE_INSENSITIVE);

    /** {@code text} with personal data masked. */
    public Result mask(String text) {
        EnumSet<Kind> found = EnumSet.noneOf(Kind.class);
        String masked = text;
        masked = replace(CODE, masked, m -> m.group(1) + m.group(2) + "[已隐藏]", found, Kind.CODE);
        masked = replace(PASSWORD, masked, m -> m.group(1) + m.group(2) + "[已隐藏]", found, Kind.PASSWORD);
        masked = replace(EMAIL, masked, m -> maskEmail(m.group()), found, Kind.EMAIL);
        masked = replaceIf(ID_NUMBER, masked, m -> validId(m.group()), m -> "[身份证号]", found, Kind.ID_NUMBER);
        String before = masked;
        masked = replaceIf(CARD, before, m -> isCard(m, before), m -> "[银行卡 尾号" + lastDigits(m.group(), 4) + "]",
                found, Kind.BANK_CARD);
        masked = replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(2), found, Kind.MOBILE);
        return new Result(masked, found);
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement,
                                  Set<Kind> found, Kind kind) {
        return replaceIf(pattern, text, m -> true, replacement, found, kind);
    }

    private static String replaceIf(Pattern pattern, String text, java.util.function.Predicate<Matcher> accept,
                                    Function<Matcher, String> replacement, Set<Kind> found, Kind kind) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        boolean any = false;
        while (m.find()) {
            if (accept.test(m)) {
                m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
                any = true;
            }
        }
        m.appendTail(out);
        if (any) {
            found.add(kind);
        }
        return out.toString();
    }

    private static boolean isCard(Matcher m, String text) {
        String digits = m.group().replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || !luhn(digits) || isMobileWithCountryCode(digits)) {
            return false;
        }
        String left = text.substring(Math.max(0, m.start() - 12), m.start());
        return !ORDER_CONTEXT.matcher(left).find();
    }

    private static boolean isMobileWithCountryCode(String digits) {
        return digits.length() == 13 && digits.startsWith("861") && digits.charAt(3) >= '3';
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

    private static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static String lastDigits(String number, int n) {
        String digits = number.replaceAll("[ -]", "");
        return digits.substring(digits.length() - n);
    }
}
