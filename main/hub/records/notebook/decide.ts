// The special-customer notebook (服务问题小册): per-customer notes and tags that make the next
// visit better, keyed by the customer key (HMAC of card or phone), with a form of address
// (王先生), never a name. Titles and notes arrive sealed under the customer's own key, so
// erasing that customer deletes one key. A shared file is imported only when it was made with
// this branch's customer-key secret (file.ts).
import type { RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';

type Entry = { customerKey: string; title: string; notes: string; tags: string[] };

/** shared: keyed with the organisation's secret, so the hub pushes it to head office. */
export function decideSave(entry: Entry, shared = false): RecordsEvent[] {
  return [{ type: 'notebook.saved', ...entry, ...(shared ? { shared: true as const } : {}) }];
}

/**
 * Another branch's note, pulled from head office: marked with its origin, so never pushed
 * back. Nothing when this branch holds a newer note for the customer (saved here while the
 * older one was on its way): the newest save wins, as at the office.
 */
export function decideReceive(entry: Entry, origin: { branchId: string; version: number }, savedAt: number, ours: { updatedAt: number } | null): RecordsEvent[] {
  if (ours && ours.updatedAt > savedAt) return [];
  return [{ type: 'notebook.received', ...entry, origin, savedAt }];
}

/** A file's entries, already checked against FileSchema; `secretId` is its fingerprint of the secret. */
export function decideImport(file: { secretId: string; exportedAt: string; entries: Entry[] }, ourSecretId: string): RecordsEvent[] {
  if (file.secretId !== ourSecretId) {
    throw new DomainError('conflict', 'notebook_secret_mismatch', "This file was made with another organisation's customer-key secret: its customers cannot be matched here.");
  }
  if (file.entries.length === 0) return [];
  return [{ type: 'notebook.imported', entries: file.entries, source: file.exportedAt }];
}
