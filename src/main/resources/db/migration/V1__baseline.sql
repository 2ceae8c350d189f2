-- Baseline: a table that records which Tidewatch build created the schema.
-- Feature tables arrive in their own migrations (V2.. the Telegram bot and moderation, V50.. announcements).
CREATE TABLE schema_note (
    id INTEGER PRIMARY KEY,
    note VARCHAR(200) NOT NULL
);
INSERT INTO schema_note (id, note) VALUES (1, 'tidewatch');
