-- The decision log: on each bot line, why the bot replied as it did (a JSON object, see
-- dev.kefu.dialog.conversation.DecisionRecord and the README, "Decision log"), and the score of the
-- entry it answered with, which the review inbox compares with its threshold. Kept with the
-- transcript: the retention purge deletes the lines, and these columns with them.
ALTER TABLE messages ADD COLUMN decision TEXT;
ALTER TABLE messages ADD COLUMN answer_score DOUBLE PRECISION;

-- the audit export and the review inbox read bot lines by time
CREATE INDEX messages_decisions_by_time ON messages (created_at) WHERE decision IS NOT NULL;
