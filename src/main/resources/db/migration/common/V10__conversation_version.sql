-- Turns of one conversation in order: every write of a conversation row raises its version, and a
-- turn is stored only while the row still has the version the turn was computed from (see
-- SqlConversationStore). kefu reads version 0 as "not stored yet", so rows written before this
-- migration count as written once.
ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
