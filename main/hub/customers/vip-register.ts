// The VIP register: imported whole from CSV (numbers hashed on the way in, never stored),
// looked up by keyed hash at check-in. Decision: an import replaces the register, as the
// CSV is the CRM's full list; it is one transaction with its ledger event, so a bad file
// leaves the previous register untouched.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { branchSecret, customerKey, type IdentifierKind } from './customer-key.js';
import { CsvError, parseVipCsv } from './vip-csv.js';

export interface VipCustomer {
  id: string;
  title: string;
  notes: string[];
  tags: string[];
}

export function importVipRegister(hub: Hub, csv: string, actor: string): number {
  let rows;
  try {
    rows = parseVipCsv(csv);
  } catch (e) {
    if (e instanceof CsvError) throw new DomainError('invalid', 'invalid_csv', e.message);
    throw e;
  }
  const secret = branchSecret(hub.ledger.db);
  const keys = new Map<string, number>();
  for (const r of rows) {
    for (const [kind, value] of [['card', r.card], ['phone', r.phone]] as const) {
      if (!value) continue;
      const key = customerKey(secret, kind, value);
      const first = keys.get(key);
      if (first !== undefined) throw new DomainError('invalid', 'invalid_csv', `line ${r.line}: the same ${kind} number is on line ${first}.`);
      keys.set(key, r.line);
    }
  }
  // Titles and notes are sealed under one key per customer, made before the transaction;
  // the replaced register's keys are shredded once the new one is committed.
  const vault = vaultOf(hub.ledger.db);
  const sealed = rows.map((r) => {
    const id = randomUUID();
    return { id, title: vault.seal(subject.vip(id), r.title), notes: r.notes.map((n) => vault.seal(subject.vip(id), n)) };
  });
  const replaced = (hub.ledger.db.prepare('SELECT id FROM vip_customers').all() as { id: string }[]).map((r) => subject.vip(r.id));
  commitThenShred(hub.ledger.db, replaced, (batch) =>
    hub.audit({ type: 'vip.register_imported', customers: rows.length, keys: keys.size, batch }, actor, (db) => {
    db.prepare('DELETE FROM vip_keys').run();
    db.prepare('DELETE FROM vip_customers').run();
    const customer = db.prepare('INSERT INTO vip_customers (id, title, notes, tags) VALUES (?, ?, ?, ?)');
    const key = db.prepare('INSERT INTO vip_keys (customer_key, customer_id) VALUES (?, ?)');
    rows.forEach((r, i) => {
      const { id, title, notes } = sealed[i]!;
      customer.run(id, title, JSON.stringify(notes), JSON.stringify(r.tags));
      if (r.card) key.run(customerKey(secret, 'card', r.card), id);
      if (r.phone) key.run(customerKey(secret, 'phone', r.phone), id);
    });
    }),
  );
  return rows.length;
}

export function findVip(db: Database.Database, kind: IdentifierKind, value: string): { key: string; customer: VipCustomer } | null {
  const key = customerKey(branchSecret(db), kind, value);
  const row = db
    .prepare('SELECT c.id, c.title, c.notes, c.tags FROM vip_keys k JOIN vip_customers c ON c.id = k.customer_id WHERE k.customer_key = ?')
    .get(key) as { id: string; title: string; notes: string; tags: string } | undefined;
  if (!row) return null;
  return { key, customer: { id: row.id, title: row.title, notes: JSON.parse(row.notes) as string[], tags: JSON.parse(row.tags) as string[] } };
}

export function customerOfTicket(db: Database.Database, ticketId: string): VipCustomer | null {
  const row = db
    .prepare('SELECT c.id, c.title, c.notes, c.tags FROM ticket_customers t JOIN vip_customers c ON c.id = t.customer_id WHERE t.ticket_id = ?')
    .get(ticketId) as { id: string; title: string; notes: string; tags: string } | undefined;
  return row ? { id: row.id, title: row.title, notes: JSON.parse(row.notes) as string[], tags: JSON.parse(row.tags) as string[] } : null;
}
