-- Issue 6: the lobby's records. Each table is a projection of the records events
-- (main/hub/journal/records-reducer.ts): `key` is the record's id, `doc` the canonical JSON
-- of the whole record, `date` and `status` copied out of it for lists and reports.
-- `atrium verify` replays the events and compares every row; a signed row must also still
-- hash to the content hash its signing event carries.

CREATE TABLE checklist_templates (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX checklist_templates_by_date ON checklist_templates (date, status);

CREATE TABLE checklists (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX checklists_by_date ON checklists (date, status);

CREATE TABLE device_faults (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX device_faults_by_date ON device_faults (date, status);

CREATE TABLE worklog_entries (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX worklog_entries_by_date ON worklog_entries (date, status);

CREATE TABLE worklog_days (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX worklog_days_by_date ON worklog_days (date, status);

CREATE TABLE opinions (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX opinions_by_date ON opinions (date, status);

CREATE TABLE complaints (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX complaints_by_date ON complaints (date, status);

CREATE TABLE notebook (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX notebook_by_date ON notebook (date, status);

CREATE TABLE care_cards (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX care_cards_by_date ON care_cards (date, status);

CREATE TABLE day_overrides (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX day_overrides_by_date ON day_overrides (date, status);

-- Phone numbers left in the opinion book, kept apart from the events (which are forever) so
-- they can be shown to the manager and supervisor for the call back and then deleted a
-- configured number of days after the reply (the purge is an `opinion.phone_purged` event).
-- Not a projection: the events hold only the phone's keyed hash.
CREATE TABLE opinion_phones (
  opinion_id TEXT PRIMARY KEY,
  phone      TEXT NOT NULL
);

-- Reports find a day's events by type (day.opened of a date, the records events) and by
-- time (the day's triage, help requests and staff) without scanning the whole ledger.
CREATE INDEX events_by_type ON events (type, seq);
CREATE INDEX events_by_at ON events (at);
