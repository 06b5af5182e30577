-- Agents page through ended tickets newest first (GET /api/agent/tickets?status=closed&before=…):
-- each page reads this index backwards from the cursor, LIMIT rows and no more, on both databases.
CREATE INDEX tickets_ended ON tickets (status, closed_at, id);
