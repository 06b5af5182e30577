-- Working a chat: the team's canned replies (typed as /shortcut), internal notes the customer
-- never sees, and tags. Notes and tags go with their ticket when retention deletes it.
CREATE TABLE canned_replies (
    shortcut   TEXT   PRIMARY KEY,
    text       TEXT   NOT NULL,
    created_by TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE ticket_notes (
    id         INTEGER PRIMARY KEY,
    ticket_id  TEXT    NOT NULL REFERENCES tickets (id),
    author     TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

CREATE INDEX ticket_notes_by_ticket ON ticket_notes (ticket_id, id);

CREATE TABLE ticket_tags (
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);

CREATE INDEX ticket_tags_by_tag ON ticket_tags (tag);
