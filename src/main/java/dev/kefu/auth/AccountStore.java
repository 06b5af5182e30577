package dev.kefu.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, their sessions and the audit trail, shared by every kefu instance on one database.
 * A removed account keeps its login (the audit trail names it) but loses every session at once.
 * Implementations are thread-safe.
 */
public interface AccountStore {
    /** Stores a new account; {@link AccountException} on {@code login} when the login exists (removed ones too). */
    Account create(NewAccount account, String passwordHash);

    /** The account with {@code login} that is not removed. */
    Optional<Account> find(String login);

    /** The password hash of the live account {@code login}. */
    Optional<String> passwordHash(String login);

    /** Every live account, by login. */
    List<Account> list();

    /** Removes {@code login} and ends its sessions; false when there is no such live account. */
    boolean remove(String login, Instant at);

    /** Sets a live account's display name; false when there is no such account. */
    boolean rename(String login, String displayName);

    /** Sets a live account's presence; false when there is no such account. */
    boolean setPresence(String login, Presence presence);

    /** Opens a session, stored by the hash of its token. */
    void openSession(String tokenHash, String login, String csrfToken, Instant expiresAt);

    /** The session of {@code tokenHash} if it has not expired at {@code now} and its account is live. */
    Optional<Session> session(String tokenHash, Instant now);

    /** Ends one session (logout). */
    void endSession(String tokenHash);

    /** Appends to the audit trail. */
    void record(AgentAction action);

    /** The latest {@code limit} audit lines, newest first. */
    List<AgentAction> actions(int limit);
}
