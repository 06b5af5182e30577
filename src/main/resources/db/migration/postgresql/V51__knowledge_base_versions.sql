-- Versions of the knowledge base: a complete set of the corpus snapshot and the trained model
-- artifacts, stored here so that every instance can load it. A version is written whole in the
-- transaction that marks it ready; the one row of kb_published names the version every instance
-- serves (none: the model files of --models), switched in one statement.
CREATE TABLE kb_versions (
    id             BIGINT PRIMARY KEY,
    status         TEXT   NOT NULL,
    draft_revision BIGINT NOT NULL,
    created_by     TEXT   NOT NULL,
    comment        TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    finished_at    BIGINT,
    error          TEXT,
    report         TEXT
);

CREATE TABLE kb_version_files (
    version_id BIGINT NOT NULL REFERENCES kb_versions (id),
    path       TEXT   NOT NULL,
    content    BYTEA   NOT NULL,
    PRIMARY KEY (version_id, path)
);

CREATE TABLE kb_published (
    id           INTEGER PRIMARY KEY,
    version_id   BIGINT  NOT NULL REFERENCES kb_versions (id),
    published_by TEXT    NOT NULL,
    published_at BIGINT  NOT NULL
);

-- Every publish, override and rollback, with its reason.
CREATE TABLE kb_publications (
    id           BIGINT PRIMARY KEY,
    version_id   BIGINT NOT NULL REFERENCES kb_versions (id),
    action       TEXT   NOT NULL,
    published_by TEXT   NOT NULL,
    published_at BIGINT NOT NULL,
    reason       TEXT   NOT NULL
);
