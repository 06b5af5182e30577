-- PostgreSQL only (SQLite has its own V10_1). Any other writer of a conversation row (an agent's
-- close or handback resets handed_off and the failure count) raises the version as well, so that a
-- bot turn computed from the row as it was before cannot overwrite that change. A bot turn sets
-- the version itself; then the WHEN condition keeps the function from being called.
CREATE FUNCTION conversations_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER conversations_version_on_update BEFORE UPDATE ON conversations
    FOR EACH ROW WHEN (NEW.version = OLD.version) EXECUTE FUNCTION conversations_next_version();
