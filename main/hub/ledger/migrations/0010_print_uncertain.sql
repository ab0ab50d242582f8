-- Printing at most once. `pending`: the hub is sending the ticket now (written before the
-- first byte, so a hub that dies mid-job never sends it again on the next retry).
-- `uncertain`: the printer took every byte but never confirmed (it held the connection
-- open), or the hub died mid-job: it counts as printed, is never sent again by itself, and a
-- retry's answer still says it is uncertain.
ALTER TABLE ticket_prints ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket_prints ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
