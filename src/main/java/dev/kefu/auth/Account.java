package dev.kefu.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent account as stored: {@code login} is what the agent types and what tickets record;
 * {@code displayName} (any script, 李娜) is what customers and colleagues see; {@code maxChats}
 * is how many open chats auto-assignment gives the agent at most, and only while {@code presence}
 * is online.
 */
public record Account(String login, String displayName, Role role, int maxChats, Instant createdAt,
                      Presence presence) {
    public Account {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (maxChats < 0) {
            throw new IllegalArgumentException("maxChats must be >= 0, was " + maxChats);
        }
    }
}
