-- Messaging channels: which platform user is which conversation, inbound idempotency, and the
-- outbox of messages kefu must deliver to a platform (agent replies), retried until delivered.

CREATE TABLE channel_users (
    channel         TEXT   NOT NULL,
    user_id         TEXT   NOT NULL,
    conversation_id TEXT   NOT NULL REFERENCES conversations (id),
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (channel, user_id)
);

CREATE UNIQUE INDEX channel_users_by_conversation ON channel_users (conversation_id);

CREATE TABLE inbound_messages (
    channel     TEXT   NOT NULL,
    message_id  TEXT   NOT NULL,
    reply       TEXT,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (channel, message_id)
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    channel         TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    delivered_at    BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);
