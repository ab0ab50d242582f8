-- Where dispatch puts an older customer's ticket (QueueConfig.elderlyRank, issue 14): set by
-- the admin through PUT /api/settings/elderly as a config.set event. A config row written
-- before it existed holds the default, as the engine reads those events.
ALTER TABLE config ADD COLUMN elderly_rank TEXT NOT NULL DEFAULT 'below_vip';
