// Sharing the notebook between branches as a file. The keys in it are HMACs with the secret
// the branch makes customer keys with; another branch can match them only if it uses the
// same secret, so the branches of one organisation share one secret, set by IT on every
// hub and never carried in the file. The file carries a fingerprint of that secret instead
// (a hash that cannot be turned back into it), and an import with another fingerprint is
// refused with a plain sentence rather than silently matching nobody.
import type Database from 'better-sqlite3';
import { NotebookFileBody as FileSchema, type NotebookFile } from '../../../common/records.js';
import { branchSecret } from '../../customers/customer-key.js';
import { fingerprintOf } from '../../customers/shared-secret.js';
import type { Hub } from '../../lobby/hub.js';
import { ERASED, vaultOf } from '../../personal/vault.js';
import { DomainError } from '../../../common/errors.js';
import { commitRecords } from '../commit.js';
import { decideImport } from './decide.js';
import { allNotes } from './projector.js';
import { sealNote } from './seal.js';

export function secretFingerprint(db: Database.Database): string {
  return fingerprintOf(branchSecret(db));
}

export function exportNotebook(db: Database.Database, now: number): NotebookFile {
  return {
    format: 'atrium-notebook',
    version: 1,
    secretId: secretFingerprint(db),
    exportedAt: new Date(now).toISOString(),
    // The file carries the text (another branch has none of these keys); an erased customer stays erased.
    entries: allNotes(db)
      .map(({ customerKey, title, notes, tags }) => vaultOf(db).openAll({ customerKey, title, notes, tags }))
      .filter((e) => e.title !== ERASED),
  };
}

/** Imports a notebook file: entries of the file replace this branch's entries for the same customer. */
export function importNotebook(hub: Hub, file: unknown, actor: string): { imported: number } {
  const parsed = FileSchema.safeParse(file);
  if (!parsed.success) throw new DomainError('invalid', 'invalid_notebook_file', 'This is not an Atrium notebook file.');
  const db = hub.ledger.db;
  const ours = secretFingerprint(db);
  // Refused before anything is sealed.
  decideImport({ ...parsed.data, entries: [] }, ours);
  const entries = parsed.data.entries.map((e) => ({ ...e, ...sealNote(db, e.customerKey, e) }));
  commitRecords(hub, decideImport({ ...parsed.data, entries }, ours), actor);
  return { imported: parsed.data.entries.length };
}
