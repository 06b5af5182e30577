package dev.kefu.auth;

import java.util.Objects;

/** An account request refused because of one field's value (a weak password, a login taken…). */
public final class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The request field at fault: {@code login}, {@code displayName}, {@code password}, {@code role}. */
    public String field() {
        return field;
    }
}
