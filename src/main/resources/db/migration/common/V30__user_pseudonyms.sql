-- Issue 18: a platform user id may be personal data (a generic-webhook user id is often a phone
-- number), so it is no longer stored as sent. channel_users.user_id, inbound_messages.user_id and
-- outbox.user_id hold a keyed hash (UserPseudonyms: "u1." + HMAC-SHA256); the id a reply is
-- delivered to is kept sealed (AES-256-GCM) in channel_users.address, copied to the outbox row of
-- each agent reply and cleared there once the reply is delivered or dead-lettered. Rows written
-- before this version are re-keyed in place when kefu starts (SqlChannelStore.pseudonymizeOldRows).
--
-- server_keys holds the key kefu generates when KEFU_USER_ID_KEY is not set (every instance on a
-- PostgreSQL database then uses the same one) and, always, the key's fingerprint, so that a server
-- started with another key refuses to start instead of losing every user's conversation.
CREATE TABLE server_keys (
    name       TEXT   NOT NULL PRIMARY KEY,
    value      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

ALTER TABLE channel_users ADD COLUMN address TEXT;
ALTER TABLE outbox ADD COLUMN address TEXT;
