-- The estimated wait reads the last 20 claims on every message of a waiting user; without an index
-- that was a scan of every ticket ever opened.
CREATE INDEX tickets_by_claim ON tickets (claimed_at) WHERE claimed_at IS NOT NULL;
