package dev.kefu.auth;

import java.util.Locale;

/** What an account may do: {@code agent} works tickets; {@code admin} also manages accounts and reads reports. */
public enum Role {
    AGENT, ADMIN;

    /** The name on the wire and in the database: {@code agent}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean covers(Role other) {
        return this == ADMIN || this == other;
    }

    /** The role named {@code name}; {@link AccountException} on {@code role} for any other name. */
    public static Role ofWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new AccountException("role", "role must be agent or admin, was " + name);
    }
}
