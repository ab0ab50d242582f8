-- Atrium ledger, first schema. Events are the truth; the projection tables are what the
-- hub reads, written in the same transaction as the events that change them.

-- The append-only event log. `data` is the canonical JSON of the event minus its type;
-- `hash` = sha256hex(prev_hash || canonicalJson({seq, type, at, actor, data})).
CREATE TABLE events (
  seq       INTEGER PRIMARY KEY,
  type      TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  actor     TEXT,
  data      TEXT    NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
);

-- No UPDATE/DELETE triggers: anyone holding the file can drop them, so they would only
-- pretend. Corrections are new events; `atrium verify` detects an edited, deleted or
-- reordered row through the hash chain and the head row below.

-- The last event's seq and hash, updated with every append. The chain alone cannot show
-- that events were cut off its end; this row can (unless it is edited too).
CREATE TABLE ledger_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
);

-- ---- Projections of the queue state (LobbyState) --------------------------------------

-- QueueConfig; a single row. Absent until the first config.set: the engine's default applies.
CREATE TABLE config (
  id                        INTEGER PRIMARY KEY CHECK (id = 1),
  max_recalls               INTEGER NOT NULL,
  appointment_early_minutes INTEGER NOT NULL
);

-- Service; rowid order is definition order, which the state's record order follows.
CREATE TABLE services (
  code                  TEXT PRIMARY KEY,
  prefix                TEXT    NOT NULL,
  name_zh               TEXT    NOT NULL,
  name_en               TEXT    NOT NULL,
  target_wait_minutes   INTEGER NOT NULL,
  max_wait_minutes      INTEGER NOT NULL,
  prior_service_minutes INTEGER NOT NULL
);

-- Counter; `services` is a JSON array in order of preference.
CREATE TABLE counters (
  id                TEXT PRIMARY KEY,
  services          TEXT    NOT NULL,
  status            TEXT    NOT NULL,
  pause_reason      TEXT,
  staff_id          TEXT,
  since             INTEGER NOT NULL,
  current_ticket_id TEXT
);

-- Ticket, of every business day (the live state keeps only the current day's).
CREATE TABLE tickets (
  id             TEXT PRIMARY KEY,
  number         TEXT    NOT NULL,
  service        TEXT    NOT NULL,
  priority       TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  business_day   TEXT    NOT NULL,
  issued_at      INTEGER NOT NULL,
  called_at      INTEGER,
  started_at     INTEGER,
  finished_at    INTEGER,
  counter        TEXT,
  target_counter TEXT,
  appointment_at INTEGER,
  recalls        INTEGER NOT NULL,
  transfers      INTEGER NOT NULL,
  tags           TEXT    NOT NULL -- JSON array
);
CREATE INDEX tickets_by_day ON tickets (business_day, issued_at);

-- BusinessDay, every day ever opened. The current one is the last opened.
CREATE TABLE business_days (
  date      TEXT PRIMARY KEY,
  status    TEXT    NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER
);

-- LobbyState.lastNumber: last number issued per prefix in the current business day.
CREATE TABLE numbering (
  prefix TEXT PRIMARY KEY,
  last   INTEGER NOT NULL
);

-- ---- Plain tables of the hub server (not projections of events) ----------------------

CREATE TABLE staff (
  staff_id        TEXT PRIMARY KEY,
  role            TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  pin_hash        TEXT    NOT NULL,
  demo_pin        INTEGER NOT NULL DEFAULT 0, -- 1 when the PIN is the demo branch's 000000
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER
);

-- Bearer tokens are stored hashed; a session belongs to a staff member or to a device.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id   TEXT REFERENCES staff (staff_id) ON DELETE CASCADE,
  device_id  TEXT REFERENCES devices (device_id) ON DELETE CASCADE,
  role       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE devices (
  device_id          TEXT PRIMARY KEY,
  role               TEXT    NOT NULL,
  name               TEXT    NOT NULL,
  pairing_code_hash  TEXT,
  pairing_expires_at INTEGER,
  paired_at          INTEGER
);

-- Branch name, branch secret (HMAC key for customer identifiers), and the like.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
