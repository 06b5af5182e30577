-- Tickets a person can tell apart: a short sequential number (#1024) beside the time-ordered id,
-- and how far the assigned agent has read (user messages after read_message_id are unread).
-- Each dialect numbers new tickets its own way (V22_1).
ALTER TABLE tickets ADD COLUMN number BIGINT;
ALTER TABLE tickets ADD COLUMN read_message_id BIGINT;

UPDATE tickets SET number = numbered.n FROM (
    SELECT id, 1000 + ROW_NUMBER() OVER (ORDER BY created_at, id) AS n FROM tickets
) AS numbered WHERE tickets.id = numbered.id;

CREATE UNIQUE INDEX tickets_by_number ON tickets (number);
-- an agent's open chats, counted for auto-assignment's capacity
CREATE INDEX tickets_by_agent ON tickets (agent, status);
