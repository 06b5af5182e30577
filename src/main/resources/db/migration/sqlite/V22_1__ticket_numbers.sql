-- SQLite only (PostgreSQL has its own V22_1): a new ticket takes the next number. All writes go
-- through one writer, so MAX + 1 cannot be taken twice.
CREATE TRIGGER tickets_number_on_insert AFTER INSERT ON tickets
FOR EACH ROW WHEN NEW.number IS NULL
BEGIN
    UPDATE tickets SET number = (SELECT COALESCE(MAX(number), 1000) + 1 FROM tickets) WHERE id = NEW.id;
END;
