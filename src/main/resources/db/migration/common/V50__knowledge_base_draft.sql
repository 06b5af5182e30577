-- The studio's knowledge base: the draft FAQ entries and intent examples, the corpus files kept
-- whole or in part, and the log of every change (who, when, before and after, why).
-- Lists are stored as text: paraphrases and answer lines joined by line feeds, FAQ ids by commas,
-- lead lines (comments and blank lines before an item in its file) each ended by a line feed.
CREATE TABLE kb_entries (
    id          TEXT   PRIMARY KEY,
    intent      TEXT   NOT NULL,
    question    TEXT   NOT NULL,
    paraphrases TEXT   NOT NULL,
    answer      TEXT   NOT NULL,
    lead        TEXT   NOT NULL,
    position    BIGINT NOT NULL,
    revision    BIGINT NOT NULL,
    updated_by  TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE kb_examples (
    id         BIGINT PRIMARY KEY,
    intent     TEXT   NOT NULL,
    text       TEXT   NOT NULL,
    faq_ids    TEXT   NOT NULL,
    lead       TEXT   NOT NULL,
    position   BIGINT NOT NULL,
    revision   BIGINT NOT NULL,
    updated_by TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE kb_files (
    name    TEXT PRIMARY KEY,
    content TEXT NOT NULL
);

CREATE TABLE kb_changes (
    id         BIGINT PRIMARY KEY,
    kind       TEXT   NOT NULL,
    item       TEXT   NOT NULL,
    revision   BIGINT NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    author     TEXT   NOT NULL,
    comment    TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX kb_changes_by_item ON kb_changes (kind, item, id);

-- One row: every edit updates it first, which makes edits on all instances take turns, and counts them.
CREATE TABLE kb_state (
    id             INTEGER PRIMARY KEY,
    draft_revision BIGINT  NOT NULL,
    last_change    BIGINT  NOT NULL,
    last_example   BIGINT  NOT NULL
);

INSERT INTO kb_state (id, draft_revision, last_change, last_example) VALUES (1, 0, 0, 0);
