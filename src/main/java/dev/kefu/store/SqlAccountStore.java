package dev.kefu.store;

import dev.kefu.auth.Account;
import dev.kefu.auth.AccountException;
import dev.kefu.auth.AccountStore;
import dev.kefu.auth.AgentAction;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Presence;
import dev.kefu.auth.Role;
import dev.kefu.auth.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts, sessions and the audit trail in SQL. Sessions are read from the database on every
 * request, so a removal or logout on one instance counts on all of them at once. Thread-safe.
 */
public final class SqlAccountStore implements AccountStore {
    private static final String COLUMNS = "login, display_name, role, max_chats, created_at, presence";
    private static final String LIVE = " FROM agent_accounts WHERE removed_at IS NULL";

    private final Database db;

    public SqlAccountStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Account create(NewAccount account, String passwordHash) {
        long now = System.currentTimeMillis();
        int created = db.inOneStatement(c -> update(c, "INSERT INTO agent_accounts (login, display_name, password_hash, "
                + "role, max_chats, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING", account.login(),
                account.displayName(), passwordHash, account.role().wireName(), account.maxChats(), now));
        if (created == 0) {
            throw new AccountException("login", "login " + account.login() + " is taken");
        }
        return new Account(account.login(), account.displayName(), account.role(), account.maxChats(),
                Instant.ofEpochMilli(now), Presence.OFFLINE);
    }

    @Override
    public Optional<Account> find(String login) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + LIVE + " AND login = ?")) {
                s.setString(1, login);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(account(r, 1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<String> passwordHash(String login) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash" + LIVE + " AND login = ?")) {
                s.setString(1, login);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Account> list() {
        return db.read(c -> {
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + LIVE + " ORDER BY login");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    accounts.add(account(r, 1));
                }
            }
            return List.copyOf(accounts);
        });
    }

    @Override
    public boolean remove(String login, Instant at) {
        return db.inTransaction(c -> {
            update(c, "DELETE FROM agent_sessions WHERE login = ?", login);
            return update(c, "UPDATE agent_accounts SET removed_at = ?, presence = 'offline' WHERE login = ? "
                    + "AND removed_at IS NULL", at.toEpochMilli(), login) == 1;
        });
    }

    @Override
    public boolean rename(String login, String displayName) {
        return db.inOneStatement(c -> update(c, "UPDATE agent_accounts SET display_name = ? WHERE login = ? "
                + "AND removed_at IS NULL", displayName, login)) == 1;
    }

    @Override
    public boolean setPresence(String login, Presence presence) {
        return db.inOneStatement(c -> update(c, "UPDATE agent_accounts SET presence = ? WHERE login = ? "
                + "AND removed_at IS NULL", presence.wireName(), login)) == 1;
    }

    @Override
    public void openSession(String tokenHash, String login, String csrfToken, Instant expiresAt) {
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            // expired sessions go as new ones come: the table holds about one row per agent
            update(c, "DELETE FROM agent_sessions WHERE expires_at < ?", now);
            return update(c, "INSERT INTO agent_sessions (token_hash, login, csrf_token, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", tokenHash, login, csrfToken, now, expiresAt.toEpochMilli());
        });
    }

    @Override
    public Optional<Session> session(String tokenHash, Instant now) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT a.login, a.display_name, a.role, a.max_chats, "
                    + "a.created_at, a.presence, s.csrf_token, s.expires_at FROM agent_sessions s JOIN agent_accounts a "
                    + "ON a.login = s.login WHERE s.token_hash = ? AND s.expires_at > ? AND a.removed_at IS NULL")) {
                s.setString(1, tokenHash);
                s.setLong(2, now.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Session(account(r, 1), r.getString(7),
                            Instant.ofEpochMilli(r.getLong(8)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void endSession(String tokenHash) {
        db.inOneStatement(c -> update(c, "DELETE FROM agent_sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public void record(AgentAction action) {
        db.inOneStatement(c -> update(c, "INSERT INTO agent_actions (at, account, action, target) VALUES (?, ?, ?, ?)",
                action.at().toEpochMilli(), action.account(), action.action(), action.target()));
    }

    @Override
    public List<AgentAction> actions(int limit) {
        return db.read(c -> {
            List<AgentAction> actions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, account, action, target FROM agent_actions "
                    + "ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        actions.add(new AgentAction(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                                r.getString(4)));
                    }
                }
            }
            return List.copyOf(actions);
        });
    }

    private static Account account(ResultSet r, int first) throws SQLException {
        return new Account(r.getString(first), r.getString(first + 1), Role.ofWire(r.getString(first + 2)),
                r.getInt(first + 3), Instant.ofEpochMilli(r.getLong(first + 4)), Presence.ofWire(r.getString(first + 5)));
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
