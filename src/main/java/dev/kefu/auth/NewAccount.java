package dev.kefu.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account to create, validated field by field ({@link AccountException} names the field): a
 * login of 2-40 lower-case ASCII letters, digits, '.', '_' or '-' (it appears in URLs and logs);
 * a display name of 1-40 printable characters in any script; a password of at least
 * {@value #MIN_PASSWORD} characters with at least {@value #MIN_DISTINCT} different ones that does
 * not contain the login.
 */
public record NewAccount(String login, String displayName, String password, Role role, int maxChats) {
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    static final int MIN_DISTINCT = 5;
    /** How many open chats auto-assignment gives an agent unless told otherwise. */
    public static final int DEFAULT_MAX_CHATS = 5;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]{2,40}");

    public NewAccount {
        login = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            throw new AccountException("login", "login must be 2-40 letters a-z, digits, '.', '_' or '-'");
        }
        displayName = displayName(displayName);
        checkPassword(password, login);
        if (role == null) {
            throw new AccountException("role", "role must be agent or admin");
        }
        if (maxChats < 1 || maxChats > 50) {
            throw new AccountException("maxChats", "maxChats must be 1..50, was " + maxChats);
        }
    }

    /** {@code name} stripped; {@link AccountException} on {@code displayName} when empty, too long or with control characters. */
    public static String displayName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > 40
                || stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new AccountException("displayName", "displayName must be 1-40 printable characters (any script)");
        }
        return stripped;
    }

    private static void checkPassword(String password, String login) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountException("password", "password must be " + MIN_PASSWORD + "-" + MAX_PASSWORD + " characters");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT
                || password.toLowerCase(Locale.ROOT).contains(login)) {
            throw new AccountException("password", "password is too weak: use at least " + MIN_DISTINCT
                    + " different characters and not the login");
        }
    }

    @Override
    public String toString() {
        return "NewAccount[login=" + login + ", displayName=" + displayName + ", role=" + role + "]";
    }
}
