-- Customers erased at a branch (customer.erased, their right to deletion), as head office
-- remembers them: only the organisation's keyed hash of each number (HMAC under the
-- organisation's secret, as the VIP register and the notebook hold it), never a number. A key
-- here is dropped from the VIP register when the erasure arrives (every stored version) and
-- from every later register upload (config/config.ts), so the register never brings an erased
-- customer back to the branches.
CREATE TABLE office_erased_customers (
  customer_key text PRIMARY KEY,
  branch_id    text NOT NULL REFERENCES office_branches (branch_id),
  erased_at    bigint NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
