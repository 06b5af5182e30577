package dev.kefu.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: which account ({@code account}, or {@code token:<name>} for the
 * machine token) did {@code action} ({@code claim}, {@code reply}, {@code login}…) on
 * {@code target} (a ticket id or a login; null when none), when. Never holds free text.
 */
public record AgentAction(Instant at, String account, String action, String target) {
    public AgentAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(action, "action");
    }
}
