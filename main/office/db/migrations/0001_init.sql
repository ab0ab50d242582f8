-- The head office's first schema. Every branch's events are kept as the hub shipped them,
-- in one table partitioned by month of the event's time, so a bank of thousands of branches
-- reads and drops (archives) a month without touching the others; partitions are created
-- on demand for the months an ingest batch touches (office/ingest/partitions.ts).

CREATE TABLE office_staff (
  staff_id   text PRIMARY KEY,
  role       text NOT NULL CHECK (role IN ('hq_admin', 'regional_manager')),
  pin_hash   text NOT NULL,
  -- The demo's hq-admin / 000000: flagged in the log and at sign-in, as the hub flags its demo PINs.
  demo_pin   boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office_sessions (
  token_hash text PRIMARY KEY,
  staff_id   text NOT NULL REFERENCES office_staff (staff_id),
  role       text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE office_branches (
  branch_id           text PRIMARY KEY,
  name                text NOT NULL,
  status              text NOT NULL CHECK (status IN ('enrolling', 'active', 'chain_broken')),
  enrolment_code_hash text UNIQUE,
  enrolment_expires   timestamptz,
  credential_hash     text UNIQUE,
  -- The head of the branch's chain as far as the office has checked it.
  last_seq            bigint NOT NULL DEFAULT 0,
  last_hash           text NOT NULL DEFAULT repeat('0', 64),
  last_seen_at        timestamptz,
  time_zone           text NOT NULL DEFAULT 'UTC',
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office_events (
  branch_id   text NOT NULL,
  seq         bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  at_ms       bigint NOT NULL,
  type        text NOT NULL,
  actor       text,
  -- The stored text, byte for byte: it is what the chain hashes.
  data        text NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- A partitioned table's key must hold its partition key; (branch, seq) is unique because
  -- ingest takes only the next seq of each branch's checked chain.
  PRIMARY KEY (branch_id, seq, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX office_events_type ON office_events (branch_id, type, occurred_at);

-- Each branch's tickets, projected from its ticket events as they arrive: the dashboard's
-- counts without reading the events again.
CREATE TABLE office_tickets (
  branch_id    text NOT NULL,
  ticket_id    text NOT NULL,
  business_day date NOT NULL,
  status       text NOT NULL,
  PRIMARY KEY (branch_id, ticket_id)
);
CREATE INDEX office_tickets_day ON office_tickets (branch_id, business_day);

CREATE TABLE office_alerts (
  id          serial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  branch_id   text NOT NULL,
  kind        text NOT NULL,
  seq         bigint,
  message     text NOT NULL,
  resolved_at timestamptz
);

CREATE TABLE office_audit (
  id        serial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL,
  branch_id text,
  detail    text NOT NULL
);
