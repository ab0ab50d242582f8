-- The VIP register's tables are derived from the events by the customers' projector alone,
-- and verify compares every row of both with a rebuild. The foreign key from a key to its
-- customer checked nothing the projector does not already keep (it deletes the keys with
-- their customer), and a register row deleted by hand failed in SQLite rather than being
-- named by verify: the keys' table is made again without it, rows kept.
CREATE TABLE vip_keys_derived (
  customer_key TEXT PRIMARY KEY, -- HMAC of card:<digits> or phone:<digits>
  customer_id  TEXT NOT NULL
);
INSERT INTO vip_keys_derived (customer_key, customer_id) SELECT customer_key, customer_id FROM vip_keys;
DROP TABLE vip_keys;
ALTER TABLE vip_keys_derived RENAME TO vip_keys;
