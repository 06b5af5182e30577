-- The customer's rating of the agent's service (1-5 stars, an optional masked comment), asked
-- after an agent closes the ticket and stored with it.
ALTER TABLE tickets ADD COLUMN satisfaction INTEGER;
ALTER TABLE tickets ADD COLUMN satisfaction_comment TEXT;
ALTER TABLE tickets ADD COLUMN rated_at BIGINT;
