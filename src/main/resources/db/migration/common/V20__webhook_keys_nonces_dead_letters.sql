-- Issue 17: webhooks a payment company can put in production.
--
-- Inbound idempotency is keyed by (channel, user, platform message id): a user who reuses another
-- user's message id no longer receives that user's reply. The key is written in the same
-- transaction as the turn it answers (SqlConversationStore, TurnScope), with that turn's reply, so
-- a resend after a crash finds the turn instead of answering it a second time. text_digest
-- (SHA-256 of the text) tells a resend from a different message reusing the key (409).
-- The old table is dropped: its keys lack the user, and they only matter for minutes.
DROP TABLE inbound_messages;

CREATE TABLE inbound_messages (
    channel         TEXT             NOT NULL,
    user_id         TEXT             NOT NULL,
    message_id      TEXT             NOT NULL,
    text_digest     TEXT             NOT NULL,
    conversation_id TEXT             NOT NULL,
    action          TEXT             NOT NULL,
    intent          TEXT,
    confidence      DOUBLE PRECISION NOT NULL,
    text            TEXT             NOT NULL,
    faq_id          TEXT,
    reason          TEXT             NOT NULL,
    bot_message_id  BIGINT           NOT NULL,
    reply           TEXT,
    created_at      BIGINT           NOT NULL,
    PRIMARY KEY (channel, user_id, message_id)
);

CREATE INDEX inbound_messages_by_conversation ON inbound_messages (conversation_id);
CREATE INDEX inbound_messages_by_age ON inbound_messages (created_at);

-- Signature nonces seen inside the replay window, shared by every instance on the database.
CREATE TABLE webhook_nonces (
    channel TEXT   NOT NULL,
    nonce   TEXT   NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (channel, nonce)
);

CREATE INDEX webhook_nonces_by_age ON webhook_nonces (seen_at);

-- The outbox ends every message delivered or dead-lettered (dead_at, with last_error as the reason);
-- messages to one user go out in id order.
ALTER TABLE outbox ADD COLUMN dead_at BIGINT;
CREATE INDEX outbox_by_user ON outbox (channel, user_id, id);
