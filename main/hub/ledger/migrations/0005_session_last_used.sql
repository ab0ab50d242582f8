-- When each session was last used, so a staff session ends after an idle time. Written at
-- most once a minute per session (reads stay cheap); NULL means "since created_at".
ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
