-- The review inbox: what an admin did with a user message the bot did not handle well (it fell
-- back, handed off on its own, was rated 👎 or answered below the review threshold). A reviewed
-- message leaves the inbox. Deleted with the conversation by the retention purge.
CREATE TABLE review_outcomes (
    message_id      BIGINT  PRIMARY KEY REFERENCES messages (id),
    conversation_id TEXT    NOT NULL REFERENCES conversations (id),
    outcome         TEXT    NOT NULL CHECK (outcome IN ('added_to_entry', 'new_entry', 'out_of_scope', 'dismissed')),
    -- the entry the message was added to or created as; NULL for out_of_scope and dismissed
    faq_id          TEXT,
    reviewer        TEXT    NOT NULL,
    comment         TEXT,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX review_outcomes_by_conversation ON review_outcomes (conversation_id);
