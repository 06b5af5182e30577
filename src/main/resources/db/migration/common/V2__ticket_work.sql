-- What agents do with tickets: who claimed it, when, and how it ended.
ALTER TABLE tickets ADD COLUMN agent TEXT;
ALTER TABLE tickets ADD COLUMN claimed_at BIGINT;
ALTER TABLE tickets ADD COLUMN closed_at BIGINT;
ALTER TABLE tickets ADD COLUMN note TEXT;
