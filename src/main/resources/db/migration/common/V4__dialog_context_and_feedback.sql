-- What the bot said last, so that the next message can refer to it (a choice among numbered
-- options, 「不是这个」, a follow-up), and the users' ratings of answers.
-- V3 belongs to the webhooks; this migration does not depend on it.

ALTER TABLE conversations ADD COLUMN answered_faq_id TEXT;
-- ids of the numbered options of the last reply, comma-separated in order; NULL when none
ALTER TABLE conversations ADD COLUMN offered_faq_ids TEXT;
ALTER TABLE conversations ADD COLUMN handoff_offered INTEGER NOT NULL DEFAULT 0;
-- the last user message, normalized, and how many times in a row it came before that
ALTER TABLE conversations ADD COLUMN last_message TEXT;
ALTER TABLE conversations ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;

-- the FAQ entry a bot message answered with
ALTER TABLE messages ADD COLUMN faq_id TEXT;
CREATE INDEX messages_by_faq ON messages (faq_id) WHERE faq_id IS NOT NULL;

-- One rating per answer: rating again replaces it.
CREATE TABLE feedback (
    message_id      INTEGER PRIMARY KEY REFERENCES messages (id),
    conversation_id TEXT    NOT NULL REFERENCES conversations (id),
    faq_id          TEXT    NOT NULL,
    helpful         INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    created_at      BIGINT  NOT NULL
);

CREATE INDEX feedback_by_faq ON feedback (faq_id);
