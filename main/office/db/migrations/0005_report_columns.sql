-- The dashboard at a thousand branches (issue 16, point 5: the office bench). Reading every
-- ticket event of every branch again at each report (and parsing its JSON) took seconds, and
-- so did counting a day's tickets of every branch for the branch list. Now:
-- - the ticket projection keeps the two instants a wait is made of (issued, first called);
-- - office_ticket_days keeps each branch's business day's ticket figures, moved at ingest by
--   the changes of each batch, in the same transaction: the branch list and the reports read
--   one row per branch and day;
-- - the rare events (ratings, complaints, opinions, interventions) are read from
--   office_events through a partial index that holds nothing else.

-- When the ticket was issued (the ticket's issuedAt, else its event's time) and first called
-- (the first ticket.called: a wait ends at the first call, as at the hub).
ALTER TABLE office_tickets ADD COLUMN issued_at_ms bigint;
ALTER TABLE office_tickets ADD COLUMN called_at_ms bigint;

-- Tickets taken before this migration: filled from the events the office holds.
UPDATE office_tickets t SET issued_at_ms = e.issued
  FROM (SELECT branch_id, data::jsonb -> 'ticket' ->> 'id' AS id,
               min(COALESCE(CASE WHEN jsonb_typeof(data::jsonb -> 'ticket' -> 'issuedAt') = 'number' THEN (data::jsonb -> 'ticket' ->> 'issuedAt')::numeric::bigint END, at_ms)) AS issued
          FROM office_events WHERE type = 'ticket.issued' GROUP BY 1, 2) e
 WHERE t.branch_id = e.branch_id AND t.ticket_id = e.id;
UPDATE office_tickets t SET called_at_ms = e.called
  FROM (SELECT branch_id, data::jsonb ->> 'ticket' AS id, min(at_ms) AS called
          FROM office_events WHERE type = 'ticket.called' GROUP BY 1, 2) e
 WHERE t.branch_id = e.branch_id AND t.ticket_id = e.id;

CREATE TABLE office_ticket_days (
  branch_id    text NOT NULL,
  business_day date NOT NULL,
  issued       integer NOT NULL DEFAULT 0,
  served       integer NOT NULL DEFAULT 0,
  no_show      integer NOT NULL DEFAULT 0,
  waiting      integer NOT NULL DEFAULT 0,
  -- Called at least once, and of those, first called within 15 and 30 minutes of issue.
  called       integer NOT NULL DEFAULT 0,
  within15     integer NOT NULL DEFAULT 0,
  within30     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (branch_id, business_day)
);
CREATE INDEX office_ticket_days_day ON office_ticket_days (business_day);

INSERT INTO office_ticket_days (branch_id, business_day, issued, served, no_show, waiting, called, within15, within30)
SELECT branch_id, business_day, count(*),
       count(*) FILTER (WHERE status = 'done'),
       count(*) FILTER (WHERE status = 'no_show'),
       count(*) FILTER (WHERE status = 'waiting'),
       count(*) FILTER (WHERE called_at_ms IS NOT NULL),
       count(*) FILTER (WHERE called_at_ms - issued_at_ms <= 15 * 60000),
       count(*) FILTER (WHERE called_at_ms - issued_at_ms <= 30 * 60000)
  FROM office_tickets GROUP BY branch_id, business_day;

CREATE INDEX office_events_report ON office_events (occurred_at)
  WHERE type IN ('rating.recorded', 'complaint.opened', 'complaint.resolved', 'opinion.recorded', 'opinion.replied', 'intervention.recorded', 'intervention.signed');
