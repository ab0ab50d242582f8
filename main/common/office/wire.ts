// What a hub and the head office say to each other: the enrolment answer and the ingest batch.
// Shared by the hub's shipper (main/hub/office-link) and the office (main/office), which may
// import only common, so neither knows the other's internals.
import { z } from 'zod';

/** One ledger row as the hub stores it: `data` is the stored JSON text the chain hashes. */
export const ShippedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  type: z.string().min(1).max(100),
  at: z.number().int().nonnegative(),
  actor: z.string().max(200).nullable(),
  data: z.string().max(256 * 1024),
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ShippedEvent = z.infer<typeof ShippedEventSchema>;

/** At most this many events a batch: a catch-up after days offline is many batches, each small. */
export const MAX_BATCH = 500;

export const IngestBody = z.strictObject({
  /** The branch's IANA time zone: the office counts "today" in the branch's own date. */
  timeZone: z.string().min(1).max(64),
  events: z.array(ShippedEventSchema).max(MAX_BATCH),
});
export type IngestBody = z.infer<typeof IngestBody>;

/** `lastSeq`: the last event the office holds for the branch; the hub's cursor moves to it. */
export const IngestAnswer = z.strictObject({ lastSeq: z.number().int().nonnegative(), accepted: z.number().int().nonnegative() });
export type IngestAnswer = z.infer<typeof IngestAnswer>;

export const EnrolBody = z.strictObject({ code: z.string().min(1).max(64) });
/** orgSecret: the organisation's customer-key secret, so shared notebook keys match across branches. */
export const EnrolAnswer = z.strictObject({
  branchId: z.string(),
  name: z.string(),
  credential: z.string(),
  lastSeq: z.number().int().nonnegative(),
  orgSecret: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EnrolAnswer = z.infer<typeof EnrolAnswer>;

/** The 409 codes of ingest a shipper acts on: a broken chain waits for an admin; a gap rewinds. */
export const CHAIN_BROKEN = 'chain_broken';
export const SEQ_GAP = 'seq_gap';
