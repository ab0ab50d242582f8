-- A ticket the printer took but never confirmed (it held the connection open): it counts as
-- printed, is never sent again by itself, and a retry's answer still says it is uncertain.
ALTER TABLE ticket_prints ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
