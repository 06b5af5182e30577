-- One row that the health check updates after a write failed (a full disk, a read-only file):
-- reading alone would call a database healthy that cannot store a turn.
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY,
    checked_at BIGINT  NOT NULL
);

INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
