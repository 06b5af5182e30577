package dev.kefu.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door of accounts: creating them with hashed passwords, logging in (a random session
 * token, only its hash stored), finding the session of a token, logging out. Thread-safe.
 */
public final class Accounts {
    /** How long a session lasts from login: one working day with overtime. */
    public static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final int TOKEN_BYTES = 32;
    private final AccountStore store;
    private final PasswordHash hasher;
    private final Clock clock;

    /** A session just opened: {@code token} goes into the cookie and is never stored. */
    public record LoggedIn(String token, Session session) {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(session, "session");
        }
    }

    public Accounts(AccountStore store, PasswordHash hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates {@code account}; {@link AccountException} on {@code login} when it is taken. */
    public Account create(NewAccount account) {
        return store.create(account, hasher.hash(account.password()));
    }

    /** A new session when {@code password} is {@code login}'s; empty otherwise (taking as long either way). */
    public Optional<LoggedIn> login(String login, String password) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Optional<String> hash = store.passwordHash(key);
        boolean right = password != null && hash.isPresent() ? hasher.verify(password, hash.get())
                : hasher.verifyNothing(password == null ? "" : password);
        Optional<Account> account = right ? store.find(key) : Optional.empty();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String token = hasher.token(TOKEN_BYTES);
        String csrf = hasher.token(TOKEN_BYTES);
        Instant expires = clock.instant().plus(SESSION_TTL);
        store.openSession(PasswordHash.sha256(token), key, csrf, expires);
        return Optional.of(new LoggedIn(token, new Session(account.get(), csrf, expires)));
    }

    /** The live session of {@code token}, or empty (unknown, expired, or its account removed). */
    public Optional<Session> session(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : store.session(PasswordHash.sha256(token), clock.instant());
    }

    /** Ends the session of {@code token}. */
    public void logout(String token) {
        store.endSession(PasswordHash.sha256(token));
    }

    /** Removes {@code login}, whose sessions end at once; false when there is no such account. */
    public boolean remove(String login) {
        return store.remove(login, clock.instant());
    }

    /** Appends {@code action} on {@code target} by {@code account} to the audit trail, now. */
    public void record(String account, String action, String target) {
        store.record(new AgentAction(clock.instant(), account, action, target));
    }

    /** The store, for listing accounts and the audit trail. */
    public AccountStore store() {
        return store;
    }
}
