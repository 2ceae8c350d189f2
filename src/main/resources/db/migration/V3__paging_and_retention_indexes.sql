-- Indexes for what is queried: the dashboard's filtered incident pages (newest first within a chat,
-- a category or a platform: keyset paging on id) and the daily retention prune, which deletes by age.
-- Portable between H2 and PostgreSQL.

CREATE INDEX incident_chat_id ON incident (chat, id);
CREATE INDEX incident_category_id ON incident (category, id);
CREATE INDEX incident_platform_id ON incident (platform, id);

CREATE INDEX audit_log_incident ON audit_log (incident_id);

CREATE INDEX processed_update_claimed ON processed_update (claimed_at);
CREATE INDEX seen_name_first_seen ON seen_name (first_seen);
CREATE INDEX once_marker_created ON once_marker (created_at);
