package dev.kefu.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verification codes, passwords and e-mail addresses in the masking form ({@link MaskingForm}).
 * A code is 3–8 digits (spaces or dashes between them allowed) after its word, Chinese or English,
 * or right before it (「482913是验证码」); a password is what follows 密码/口令/password, with or
 * without 是/:/=, unless it is a question about the password (「密码是多少位」, 「密码忘了」).
 */
final class Secrets {
    private static final String CODE_WORD = "(验证码|校验码|动态码|短信码|安全码|动态密码|确认码|cvv2?|cvc2?|cvn|otp|pin码?"
            + "|(?:verification|verify|security|sms|auth|authentication|one[- ]time|confirmation)\\s*(?:code|pin|password))";
    private static final String CODE_VALUE = "([0-9](?:[ \\-.]{0,2}[0-9]){2,7})(?![0-9])"
            + "(?!\\s*(?:秒|分钟|分|次|位|天|小时|个|s\\b|sec|min|times|digits))";
    private static final Pattern CODE = Pattern.compile(CODE_WORD + "((?:\\s|[:：=]|是|为|就是|号|码|is)*)" + CODE_VALUE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_BEFORE_WORD = Pattern.compile(
            "(?<![0-9])([0-9]{4,8})(?=\\s*(?:是|就是|为|is)?\\s*(?:我的|我收到的|收到的|my|the)?\\s*" + CODE_WORD + ")",
            Pattern.CASE_INSENSITIVE);
    private static final String PASSWORD_WORD = "(密码|口令|密碼|password|passwd|pwd|passcode)";
    private static final Pattern PASSWORD = Pattern.compile(PASSWORD_WORD
            + "(\\s*(?:是|为|:|：|=|is|＝)\\s*)([^\\s，。,！？?；;]{2,64})", Pattern.CASE_INSENSITIVE);
    /** No 是 or colon: only a token of ASCII letters and signs with a digit in it (「密码abc123」, 「银行卡密码123987」). */
    private static final Pattern PASSWORD_BARE = Pattern.compile(PASSWORD_WORD
            + "(\\s*)((?=[A-Za-z!@#$%^&*._+=~\\-]*[0-9])[A-Za-z0-9!@#$%^&*._+=~\\-]{4,64})(?![A-Za-z0-9])(?!\\s*位)",
            Pattern.CASE_INSENSITIVE);
    /** A password "value" that is a question or a remark about it. */
    private static final Pattern NOT_A_PASSWORD = Pattern.compile("^(多少|什么|啥|几位|几个|错|不对|忘|对吗|是不是|正确|不正确|不是|要|需要"
            + "|怎么|哪|设置|修改|重置|找回|[0-9一二三四五六七八九十]+位|wrong|incorrect|forgotten|reset|not)|吗|呢|么|[?？]",
            Pattern.CASE_INSENSITIVE);
    private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*)";
    private static final String DOT = "(?:\\s*\\.\\s*|\\s*[(\\[{<]\\s*dot\\s*[)\\]}>]\\s*|\\s+dot\\s+)";
    private static final String SPELLED_DOT = "(?:\\s*[(\\[{<]\\s*dot\\s*[)\\]}>]\\s*|\\s+dot\\s+)";
    private static final String LOCAL = "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)";
    /** name@domain.tld, name(at)domain(dot)tld; and name at domain dot tld, where every dot is spelled out too. */
    private static final Pattern EMAIL = Pattern.compile(LOCAL + AT + "([A-Za-z0-9-]+(?:" + DOT + "[A-Za-z0-9-]+)*"
            + DOT + "[A-Za-z]{2,})(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_SPELLED = Pattern.compile(LOCAL + "\\s+at\\s+([A-Za-z0-9-]+(?:" + SPELLED_DOT
            + "[A-Za-z0-9-]+)*" + SPELLED_DOT + "[A-Za-z]{2,})(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOT_WORD = Pattern.compile(DOT, Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    /** Adds what it finds in {@code form} to {@code found}. */
    static void find(String form, List<DigitRuns.Found> found) {
        for (Matcher m = CODE.matcher(form); m.find(); ) {
            found.add(new DigitRuns.Found(m.start(3), m.end(3), PiiMasker.Kind.CODE, PiiMasker.HIDDEN));
        }
        for (Matcher m = CODE_BEFORE_WORD.matcher(form); m.find(); ) {
            found.add(new DigitRuns.Found(m.start(1), m.end(1), PiiMasker.Kind.CODE, PiiMasker.HIDDEN));
        }
        for (Matcher m = PASSWORD.matcher(form); m.find(); ) {
            if (!NOT_A_PASSWORD.matcher(m.group(3)).find()) {
                found.add(new DigitRuns.Found(m.start(3), m.end(3), PiiMasker.Kind.PASSWORD, PiiMasker.HIDDEN));
            }
        }
        for (Matcher m = PASSWORD_BARE.matcher(form); m.find(); ) {
            found.add(new DigitRuns.Found(m.start(3), m.end(3), PiiMasker.Kind.PASSWORD, PiiMasker.HIDDEN));
        }
        for (Pattern email : List.of(EMAIL, EMAIL_SPELLED)) {
            for (Matcher m = email.matcher(form); m.find(); ) {
                String domain = DOT_WORD.matcher(m.group(2)).replaceAll(".");
                found.add(new DigitRuns.Found(m.start(), m.end(), PiiMasker.Kind.EMAIL,
                        m.group(1).charAt(0) + "***@" + domain));
            }
        }
    }
}
