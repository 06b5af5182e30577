package dev.kefu.store;

import dev.kefu.channel.webhook.UserPseudonyms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Server keys kept in the database ({@code server_keys}), shared by every instance on it and kept
 * across restarts. Thread-safe (stateless).
 */
public final class ServerKeys {
    private static final String USER_ID_KEY = "user-id-key";
    private static final String USER_ID_KEY_CHECK = "user-id-key-check";

    private ServerKeys() {
    }

    /**
     * The user pseudonyms of {@code db}: keyed by {@code configured} (KEFU_USER_ID_KEY) when it is
     * set, else by a key generated once and stored in the database (the first instance to start
     * writes it, the others read it). The key's fingerprint is stored too: a key other than the one
     * the stored pseudonyms were made with is refused, with what to do.
     */
    public static UserPseudonyms userPseudonyms(Database db, String configured) {
        Objects.requireNonNull(db, "db");
        boolean fromEnvironment = configured != null && !configured.isBlank();
        UserPseudonyms pseudonyms = new UserPseudonyms(fromEnvironment ? configured
                : db.inTransaction(c -> insertOrRead(c, USER_ID_KEY, UserPseudonyms.newKey())));
        String check = db.inTransaction(c -> insertOrRead(c, USER_ID_KEY_CHECK, pseudonyms.fingerprint()));
        if (!check.equals(pseudonyms.fingerprint())) {
            throw new IllegalStateException("the user ids in this database were hashed with another key than "
                    + (fromEnvironment ? "KEFU_USER_ID_KEY" : "the one stored in its server_keys table")
                    + ": start kefu with the key it was first started with (or, to start over with a new key, "
                    + "delete the row 'user-id-key-check' of server_keys: every platform user then starts a new "
                    + "conversation and undelivered replies are dead-lettered)");
        }
        return pseudonyms;
    }

    /** Stores {@code value} under {@code name} unless a value is there; returns the stored one. */
    private static String insertOrRead(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO server_keys (name, value, created_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, name);
            s.setString(2, value);
            s.setLong(3, System.currentTimeMillis());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM server_keys WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("server_keys lost its row " + name);
                }
                return r.getString(1);
            }
        }
    }
}
