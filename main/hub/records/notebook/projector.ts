// The special-customer notebook: one entry per customer key, the reads of it.
import type Database from 'better-sqlite3';
import type { NotebookEntry } from '../../../common/records.js';
import { ERASED, vaultOf } from '../../personal/vault.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector } from '../kind.js';

export const notebookProjector = recordsProjector({
  name: 'notebook',
  documents: ['notebook'],
  reduce(store, e) {
    const { at, actor: by } = e;
    if (e.type === 'notebook.saved') {
      store.put('notebook', e.customerKey, { customerKey: e.customerKey, title: e.title, notes: e.notes, tags: e.tags, updatedAt: at, updatedBy: by } satisfies NotebookEntry);
    } else if (e.type === 'notebook.received') {
      // When the other branch saved it, so the newest save wins across branches (decide.ts).
      store.put('notebook', e.customerKey, { customerKey: e.customerKey, title: e.title, notes: e.notes, tags: e.tags, updatedAt: e.savedAt, updatedBy: by } satisfies NotebookEntry);
    } else if (e.type === 'notebook.imported') {
      for (const entry of e.entries) store.put('notebook', entry.customerKey, { ...entry, updatedAt: at, updatedBy: by } satisfies NotebookEntry);
    }
  },
});

// An erased customer's entry stays in the projection (a rebuild makes it again from the
// events that wrote it) but its key is shredded: no lookup or list finds it any more.
function isErased(db: Database.Database, e: NotebookEntry): boolean {
  return e.title !== '' && vaultOf(db).open(e.title) === ERASED;
}

export function notebookEntry(db: Database.Database, key: string): NotebookEntry | null {
  const e = sqlStore(db).get<NotebookEntry>('notebook', key);
  return e && !isErased(db, e) ? e : null;
}

/** The first entry found under these keys (a customer's shared key, then the branch's). */
export function firstEntry(db: Database.Database, keys: readonly string[]): NotebookEntry | null {
  for (const key of keys) {
    const e = notebookEntry(db, key);
    if (e) return e;
  }
  return null;
}

export function allNotes(db: Database.Database): NotebookEntry[] {
  return listRecords<NotebookEntry>(db, 'notebook').filter((e) => !isErased(db, e));
}

/** What the ticket's customer card shows from the notebook (for GET /api/tickets/:id/customer). */
export function notebookFor(db: Database.Database, key: string): { title: string; notes: string; tags: string[] } | null {
  const e = notebookEntry(db, key);
  return e ? { title: e.title, notes: e.notes, tags: e.tags } : null;
}

/** The notebook entry of the customer who checked in with this ticket (card or phone at the kiosk). */
export function notebookForTicket(db: Database.Database, ticketId: string): { title: string; notes: string; tags: string[] } | null {
  const row = db.prepare('SELECT customer_key FROM ticket_customers WHERE ticket_id = ?').get(ticketId) as { customer_key: string } | undefined;
  return row ? notebookFor(db, row.customer_key) : null;
}
