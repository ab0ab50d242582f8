-- Branch configuration published by head office (issue 16 point 4): the services, the kiosk's
-- choices, the checklist templates and the VIP register, each a whole document of one kind.
-- One row per (kind, version), never updated, so every version published stays on record;
-- hubs pull the newest version of each kind above the one they hold. `document` is the JSON
-- text as the hubs receive it; `digest` its SHA-256, so publishing the same document again
-- gives no new version. The VIP register's card and phone numbers arrive here only as keyed
-- hashes under the organisation's secret: no table holds a number.
CREATE TABLE office_config (
  kind         text NOT NULL CHECK (kind IN ('services', 'kiosk-choices', 'checklist-templates', 'vip-register')),
  version      integer NOT NULL CHECK (version > 0),
  document     text NOT NULL,
  digest       text NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, version)
);
