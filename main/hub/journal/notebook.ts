// The special-customer notebook (服务问题小册): per-customer notes and tags that make the next
// visit better, keyed by the customer key (HMAC of card or phone), with a form of address
// (王先生), never a name. Shown to the teller and manager when that customer's ticket is
// issued or called.
import type Database from 'better-sqlite3';
import type { NotebookEntry } from '../../common/records.js';
import { branchSecret, customerKey, type IdentifierKind } from '../customers/customer-key.js';
import type { Hub } from '../lobby/hub.js';
import { ERASED, subject, vaultOf } from '../personal/vault.js';
import { recordEvent } from './record.js';
import { listRecords, sqlStore } from './record-store.js';

export function keyOf(db: Database.Database, kind: IdentifierKind, number: string): string {
  return customerKey(branchSecret(db), kind, number);
}

export function saveNote(hub: Hub, input: { kind: IdentifierKind; number: string; title: string; notes: string; tags: string[] }, actor: string): NotebookEntry {
  const key = keyOf(hub.ledger.db, input.kind, input.number);
  const { title, notes } = sealNote(hub.ledger.db, key, input);
  recordEvent(hub, { type: 'notebook.saved', customerKey: key, title, notes, tags: input.tags }, actor);
  return notebookEntry(hub.ledger.db, key)!;
}

/** Title and notes sealed under the customer's own key: erasing that customer deletes one key. */
export function sealNote(db: Database.Database, key: string, entry: { title: string; notes: string }): { title: string; notes: string } {
  const vault = vaultOf(db);
  return { title: vault.seal(subject.notebook(key), entry.title), notes: vault.seal(subject.notebook(key), entry.notes) };
}

export function notebookEntry(db: Database.Database, key: string): NotebookEntry | null {
  const e = sqlStore(db).get<NotebookEntry>('notebook', key);
  return e && !isErased(db, e) ? e : null;
}

// An erased customer's entry stays in the projection (verify replays it from the events that
// wrote it) but its key is shredded: no lookup or list finds it any more.
function isErased(db: Database.Database, e: NotebookEntry): boolean {
  return e.title !== '' && vaultOf(db).open(e.title) === ERASED;
}

/** What the ticket's customer card shows from the notebook (for GET /api/tickets/:id/customer). */
export function notebookFor(db: Database.Database, key: string): { title: string; notes: string; tags: string[] } | null {
  const e = notebookEntry(db, key);
  return e ? { title: e.title, notes: e.notes, tags: e.tags } : null;
}

export function allNotes(db: Database.Database): NotebookEntry[] {
  return listRecords<NotebookEntry>(db, 'notebook').filter((e) => !isErased(db, e));
}

/** The notebook entry of the customer who checked in with this ticket (card or phone at the kiosk). */
export function notebookForTicket(db: Database.Database, ticketId: string): { title: string; notes: string; tags: string[] } | null {
  const row = db.prepare('SELECT customer_key FROM ticket_customers WHERE ticket_id = ?').get(ticketId) as { customer_key: string } | undefined;
  return row ? notebookFor(db, row.customer_key) : null;
}
