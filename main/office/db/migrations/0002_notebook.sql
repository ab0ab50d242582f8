-- The organisation's shared special-customer notebook (issue 16 point 4): one row per
-- customer key (HMAC under the organisation's secret), the newest note any branch pushed for
-- that customer; each push takes the next version, and hubs pull the rows after the version
-- they hold. The text is sealed under a key derived from the organisation's secret.
CREATE SEQUENCE office_notebook_version;

CREATE TABLE office_notebook (
  customer_key text PRIMARY KEY,
  version      bigint NOT NULL UNIQUE,
  branch_id    text NOT NULL REFERENCES office_branches (branch_id),
  box          text NOT NULL,
  tags         jsonb NOT NULL,
  saved_at     bigint NOT NULL
);
