package dev.kefu.channel.http;

import dev.kefu.auth.Role;
import java.util.Objects;

/**
 * Who sends an agent request: a logged-in account ({@code csrfToken} set), or a machine holding
 * the bearer token and naming itself with {@code X-Kefu-Agent} (role agent, no CSRF token).
 * {@code login} is what tickets record; {@code displayName} what customers see.
 */
record Actor(String login, String displayName, Role role, String csrfToken) {
    Actor {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    /** Whether this is a session of an account (not the machine token). */
    boolean hasAccount() {
        return csrfToken != null;
    }

    /** The name in the audit trail: the login, or {@code token:<name>} for the machine token. */
    String auditName() {
        return hasAccount() ? login : "token:" + login;
    }
}
