-- Staff kept by the admin from the screens (issue 13): a person can be disabled (they cannot
-- sign in, and the row stays for the records they signed), and a PIN an admin set for them
-- to hand over is good only for setting their own (one_time_pin). Both are projected from
-- staff.changed and staff.pin_set (auth/staff-projector.ts).
ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN one_time_pin INTEGER NOT NULL DEFAULT 0;
