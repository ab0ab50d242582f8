-- Anti-fraud (issue 14 point 3): the fraud interventions, a record kind's document table
-- (records/intervention/projector.ts), and the tickets under fraud watch, one row per ticket
-- (fraud/watch-projector.ts, from ticket.fraud_watch). Numbered 0020: other work of issue 14
-- may take 0019.
CREATE TABLE fraud_interventions (
  key    TEXT PRIMARY KEY,
  date   TEXT NOT NULL,
  status TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX fraud_interventions_by_date ON fraud_interventions (date, status);

CREATE TABLE fraud_watch (
  ticket TEXT PRIMARY KEY,
  number TEXT    NOT NULL,
  choice TEXT    NOT NULL,
  at     INTEGER NOT NULL
);
