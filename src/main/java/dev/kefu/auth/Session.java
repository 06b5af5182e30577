package dev.kefu.auth;

import java.time.Instant;
import java.util.Objects;

/** A logged-in account: {@code csrfToken} must come back with every request that changes something. */
public record Session(Account account, String csrfToken, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
