-- A counter's label (爱心窗口, 贵宾窗口): what the branch calls it besides its number, set on
-- the admin's branch tab and shown on the counter, the console and the calling display.
-- Null for every counter defined before it existed, as their events carry none.
ALTER TABLE counters ADD COLUMN label TEXT;
