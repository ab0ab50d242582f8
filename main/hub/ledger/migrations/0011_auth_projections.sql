-- staff, sessions and devices become projections of events (auth/staff-projector.ts,
-- auth/session-projector.ts, devices/device-projector.ts), so rebuild recreates them and
-- verify checks them.
--
-- PIN hashes are credentials and never enter an event: the ledger leaves the branch, and the
-- hash of a six-digit PIN is brute-forced in seconds. They move to staff_pins, a table that
-- is NOT a projection: rebuild copies it, and verify checks each row against the digest the
-- staff.defined event carries (sha256 of the salted hash string, which cannot be brute-forced).
CREATE TABLE staff_pins (
  staff_id TEXT PRIMARY KEY,
  pin_hash TEXT NOT NULL
);
INSERT INTO staff_pins (staff_id, pin_hash) SELECT staff_id, pin_hash FROM staff;
ALTER TABLE staff DROP COLUMN pin_hash;
ALTER TABLE staff ADD COLUMN pin_digest TEXT;

-- Marks of life (a session's last use, a device's last request) are kept in the hub's memory,
-- not in a table: they are not facts worth an event per request, and a table written beside
-- the events could be neither rebuilt nor checked. After a restart they are read back from
-- the latest event each staff member or device caused (hence the index).
ALTER TABLE sessions DROP COLUMN last_used_at;
ALTER TABLE devices DROP COLUMN last_seen_at;
-- Pairing codes live in the hub's memory for their ten minutes (devices/pairing-codes.ts).
ALTER TABLE devices DROP COLUMN pairing_code_hash;
CREATE INDEX events_by_actor ON events (actor, at);
