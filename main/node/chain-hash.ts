// The hash chain: each event signs the previous event's hash plus its own content, so
// editing, deleting or reordering a stored event breaks every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical.js';

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything in an events row except the two hash columns. */
export interface HashedContent {
  seq: number;
  type: string;
  at: number;
  actor: string | null;
  /** The event minus its `type`. */
  data: unknown;
}

export function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function eventHash(prevHash: string, content: HashedContent): string {
  const { seq, type, at, actor, data } = content;
  return sha256hex(prevHash + canonicalJson({ seq, type, at, actor, data }));
}
