// The shared special-customer notebook between hubs and head office. A note travels keyed by
// HMAC(organisation secret, card or phone) and its text sealed under a key derived from that
// secret (`box`): the office stores and serves it without a clear identifier or clear text in
// its database; only a hub holding the organisation's key file can open it.
import { z } from 'zod';

export const SharedNote = z.strictObject({
  customerKey: z.string().regex(/^[0-9a-f]{64}$/),
  box: z.string().min(1).max(32 * 1024),
  tags: z.array(z.string().max(40)).max(20),
  savedAt: z.number().int().nonnegative(),
});
export type SharedNote = z.infer<typeof SharedNote>;

/** A hub pushes at most this many notes a request. */
export const MAX_NOTES = 100;

export const PushNotesBody = z.strictObject({ notes: z.array(SharedNote).min(1).max(MAX_NOTES) });
export const PushNotesAnswer = z.strictObject({ version: z.number().int().nonnegative() });

export const PullNotesQuery = z.strictObject({ since: z.coerce.number().int().nonnegative().default(0) });
/** `erased`: the customer was erased at `branchId`: a hub drops its copy of the note (`box` is empty). */
export const PulledNote = SharedNote.extend({ box: z.string().max(32 * 1024), version: z.number().int().positive(), branchId: z.string(), erased: z.boolean() });
export type PulledNote = z.infer<typeof PulledNote>;
/** `version`: the office's newest version the answer covers; the next pull asks `since` it. */
export const PullNotesAnswer = z.strictObject({ notes: z.array(PulledNote), version: z.number().int().nonnegative() });

/** A customer erased at a branch: the organisation keys of their shared notes, and when. */
export const EraseNotesBody = z.strictObject({ customerKeys: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(MAX_NOTES), erasedAt: z.number().int().nonnegative() });
export type EraseNotesBody = z.infer<typeof EraseNotesBody>;
