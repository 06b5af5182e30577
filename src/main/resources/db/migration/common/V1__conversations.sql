-- Conversations, their transcripts and the handoff queue.
-- Times are epoch milliseconds (UTC).

CREATE TABLE conversations (
    id                    TEXT    PRIMARY KEY,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL,
    turns                 INTEGER NOT NULL,
    consecutive_fallbacks INTEGER NOT NULL,
    last_intent           TEXT,
    handed_off            INTEGER NOT NULL
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT    NOT NULL REFERENCES conversations (id),
    role            TEXT    NOT NULL CHECK (role IN ('user', 'bot', 'agent', 'system')),
    text            TEXT    NOT NULL,
    action          TEXT,
    intent          TEXT,
    confidence      DOUBLE PRECISION,
    reason          TEXT,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

CREATE TABLE tickets (
    id              TEXT    PRIMARY KEY,
    conversation_id TEXT    NOT NULL REFERENCES conversations (id),
    status          TEXT    NOT NULL CHECK (status IN ('waiting', 'assigned', 'closed', 'handed_back')),
    reason          TEXT    NOT NULL,
    intent          TEXT,
    priority        INTEGER NOT NULL,
    created_at      BIGINT  NOT NULL
);

-- At most one open ticket per conversation, enforced by the database itself.
CREATE UNIQUE INDEX one_open_ticket_per_conversation ON tickets (conversation_id)
    WHERE status IN ('waiting', 'assigned');

CREATE INDEX tickets_queue ON tickets (status, priority, created_at);
