-- Kiosk, check-in and printing (issue 4). None of these tables is a projection of queue
-- events; each is written in the same transaction as the ledger event that records it.

-- Which printer serves which kiosk (device); the hub's own printer comes from --printer.
CREATE TABLE printer_assignments (
  device_id TEXT PRIMARY KEY,
  uri       TEXT NOT NULL
);

-- One row per printed ticket: a retry never prints a ticket twice.
CREATE TABLE ticket_prints (
  ticket_id  TEXT PRIMARY KEY,
  printer    TEXT    NOT NULL,
  printed_at INTEGER NOT NULL
);

-- The VIP register. Card and phone numbers only as keyed hashes (customer-key.ts).
CREATE TABLE vip_customers (
  id     TEXT PRIMARY KEY,
  title  TEXT NOT NULL,          -- how staff greet them: 王先生
  notes  TEXT NOT NULL,          -- JSON array of strings
  tags   TEXT NOT NULL           -- JSON array of strings
);
CREATE TABLE vip_keys (
  customer_key TEXT PRIMARY KEY, -- HMAC of card:<digits> or phone:<digits>
  customer_id  TEXT NOT NULL REFERENCES vip_customers (id)
);

-- Appointments the branch booked; checked in by code or phone.
CREATE TABLE appointments (
  code       TEXT PRIMARY KEY,
  phone_key  TEXT,
  service    TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  ticket_id  TEXT
);

-- The private link ticket → customer (never on a display's or kiosk's feed).
CREATE TABLE ticket_customers (
  ticket_id    TEXT PRIMARY KEY,
  customer_key TEXT NOT NULL,
  customer_id  TEXT
);
