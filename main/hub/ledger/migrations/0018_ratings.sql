-- The satisfaction pad (issue 14): a pad is paired to the counter it stands at, and each
-- customer's rating is one row per ticket (rating/rating-projector.ts, from rating.recorded).
-- Numbered 0018, not 0016: other work of issue 14 may take the next numbers.
ALTER TABLE devices ADD COLUMN counter TEXT;

CREATE TABLE ratings (
  ticket       TEXT PRIMARY KEY,
  number       TEXT    NOT NULL,
  business_day TEXT    NOT NULL,
  counter      TEXT    NOT NULL,
  staff_id     TEXT,
  service      TEXT    NOT NULL,
  score        INTEGER NOT NULL,
  reasons      TEXT    NOT NULL, -- JSON array of reason codes
  at           INTEGER NOT NULL
);
CREATE INDEX ratings_by_day ON ratings (business_day);
