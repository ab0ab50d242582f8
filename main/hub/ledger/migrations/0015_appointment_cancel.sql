-- A cancelled appointment keeps its row (the day's list shows it struck out) and no longer
-- checks in at the kiosk: the customers' projector sets cancelled_at from appointment.cancelled.
ALTER TABLE appointments ADD COLUMN cancelled_at INTEGER;
