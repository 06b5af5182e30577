-- PostgreSQL only (SQLite has its own V22_1): instances insert tickets concurrently, so the
-- numbers come from a sequence (gaps after a rolled-back insert are fine; duplicates are not).
CREATE SEQUENCE ticket_numbers;
SELECT setval('ticket_numbers', COALESCE((SELECT MAX(number) FROM tickets), 1000) + 1, false);
ALTER TABLE tickets ALTER COLUMN number SET DEFAULT nextval('ticket_numbers');
