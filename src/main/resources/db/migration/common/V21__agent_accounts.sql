-- Agent accounts, their sessions, and the audit trail of what each account did.
-- Times are epoch milliseconds (UTC). A removed account keeps its row (removed_at set): its login
-- stays taken, since tickets and the audit trail name it.

CREATE TABLE agent_accounts (
    login         TEXT    PRIMARY KEY,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('agent', 'admin')),
    max_chats     INTEGER NOT NULL,
    presence      TEXT    NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
    created_at    BIGINT  NOT NULL,
    removed_at    BIGINT
);

-- Sessions by the SHA-256 of their token: a copy of the database opens none of them.
CREATE TABLE agent_sessions (
    token_hash TEXT   PRIMARY KEY,
    login      TEXT   NOT NULL REFERENCES agent_accounts (login),
    csrf_token TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX agent_sessions_by_login ON agent_sessions (login);

CREATE TABLE agent_actions (
    id      INTEGER PRIMARY KEY,
    at      BIGINT  NOT NULL,
    account TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT
);

CREATE INDEX agent_actions_by_account ON agent_actions (account, at);
