-- Whether the user was already asked not to send card numbers, codes or passwords (asked once).
ALTER TABLE conversations ADD COLUMN privacy_warned INTEGER NOT NULL DEFAULT 0;
