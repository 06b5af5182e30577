-- SQLite only (PostgreSQL has its own V10_1). Any other writer of a conversation row (an agent's
-- close or handback resets handed_off and the failure count) raises the version as well, so that a
-- bot turn computed from the row as it was before cannot overwrite that change. A bot turn sets
-- the version itself; then this trigger does nothing.
CREATE TRIGGER conversations_version_on_update AFTER UPDATE ON conversations
FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN
    UPDATE conversations SET version = OLD.version + 1 WHERE id = NEW.id;
END;
