-- Head-office staff kept by the hq_admin (issue 16, roles): a name, disabled or not, a PIN
-- still to be changed (a one-time PIN handed over), and a regional manager's set of branches.
-- A regional manager reads only the branches listed here; an hq_admin has no rows (all).
ALTER TABLE office_staff ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE office_staff ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE office_staff ADD COLUMN one_time_pin boolean NOT NULL DEFAULT false;

CREATE TABLE office_staff_branches (
  staff_id  text NOT NULL REFERENCES office_staff (staff_id),
  branch_id text NOT NULL REFERENCES office_branches (branch_id),
  PRIMARY KEY (staff_id, branch_id)
);
CREATE INDEX office_staff_branches_branch ON office_staff_branches (branch_id);

-- A customer erased at a branch (customer.erased): their shared note becomes a tombstone, text
-- and tags dropped, with the next version, so every hub pulling applies the erasure; a push
-- of a note saved before the erasure loses to it (the newest save wins, saved_at).
ALTER TABLE office_notebook ADD COLUMN erased boolean NOT NULL DEFAULT false;
