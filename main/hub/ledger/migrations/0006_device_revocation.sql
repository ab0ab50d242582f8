-- Devices can be revoked (their sessions are deleted in the same transaction as the
-- device.revoked event), and the admin sees when each was last heard from. last_seen_at is
-- a plain mark the hub refreshes at most once a minute, not an event: a kiosk's every
-- request would otherwise fill the ledger.
ALTER TABLE devices ADD COLUMN revoked_at INTEGER;
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
