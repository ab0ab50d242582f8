// The VIP register: imported whole from the CRM's file (numbers hashed on the way in, never
// stored), looked up by keyed hash at check-in. Decision: an import replaces the register, as
// the file is the CRM's full list; its one event carries the whole register as the rows hold it
// (titles, notes and keyed hashes sealed under each customer's key), so a bad file writes
// nothing and a rebuild writes the same register.
// Decision: a file with a problem writes nothing, unless the admin chose to import only its
// valid rows (`onlyValid`, offered by the preview): then the register is those rows.
import { randomUUID } from 'node:crypto';
import type { LedgerEvent } from '../../common/events.js';
import type { VipRegisterEntry } from '../../common/kiosk.js';
import { PREVIEW_PROBLEMS, PREVIEW_ROWS, type ImportProblem, type ImportSource } from '../../common/imports.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { subject, vaultOf, type Vault } from '../personal/vault.js';
import { refuseProblems } from '../imports/refuse.js';
import type { Table } from '../imports/read-table.js';
import { branchSecret, customerKey } from './customer-key.js';
import { vipIds } from './customers-projector.js';
import { vipRowsOf, type VipRow } from './vip-rows.js';

interface KeyedRow {
  row: VipRow;
  keys: string[];
}

/** The table's rows with their keyed hashes; a number given twice is a problem at its second line. */
function checked(table: Table, secret: string): { rows: KeyedRow[]; problems: ImportProblem[]; ignored: string[] } {
  const { rows, problems, ignored } = vipRowsOf(table);
  const lines = new Map<string, number>();
  const keyed: KeyedRow[] = [];
  for (const row of rows) {
    const keys: string[] = [];
    let duplicate: ImportProblem | null = null;
    for (const [kind, value] of [['card', row.card], ['phone', row.phone]] as const) {
      if (!value) continue;
      const key = customerKey(secret, kind, value);
      const first = lines.get(key);
      if (first !== undefined) duplicate ??= { line: row.line, code: 'duplicate', column: kind, other: first };
      keys.push(key);
    }
    if (duplicate) {
      problems.push(duplicate);
      continue;
    }
    for (const key of keys) lines.set(key, row.line);
    keyed.push({ row, keys });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows: keyed, problems, ignored };
}

/** "…1234": enough to see the column is right, never the number. */
const lastFour = (n: string | null) => (n === null ? null : `…${n.slice(-4)}`);

export function previewVipImport(hub: Hub, table: Table) {
  const { rows, problems, ignored } = checked(table, branchSecret(hub.ledger.db));
  return {
    source: table.source satisfies ImportSource,
    rows: rows.length,
    sample: rows.slice(0, PREVIEW_ROWS).map(({ row }) => ({ line: row.line, title: row.title, card: lastFour(row.card), phone: lastFour(row.phone), notes: row.notes, tags: row.tags })),
    problems: problems.slice(0, PREVIEW_PROBLEMS),
    badLines: new Set(problems.map((p) => p.line)).size,
    ignored,
  };
}

/** Sealed under one key per customer, made only once the whole file passed, in one key-store commit. */
function sealed(rows: KeyedRow[], vault: Vault, newId: () => string = randomUUID): VipRegisterEntry[] {
  return vault.keys.batch(() =>
    rows.map(({ row, keys }) => {
      const id = newId();
      const seal = (text: string) => vault.seal(subject.vip(id), text);
      return { id, title: seal(row.title), notes: row.notes.map(seal), tags: row.tags, keys: keys.map(seal) };
    }),
  );
}

export function importVipRegister(hub: Hub, table: Table, onlyValid: boolean, actor: string | null): { imported: number; skipped: number } {
  const db = hub.ledger.db;
  const { rows, problems } = checked(table, branchSecret(db));
  const skipped = refuseProblems(problems, rows.length, onlyValid);
  const register = sealed(rows, vaultOf(db));
  const keys = register.reduce((n, c) => n + c.keys.length, 0);
  // The replaced register's keys are shredded once the new one is committed.
  const replaced = vipIds(db).map(subject.vip);
  commitThenShred(db, replaced, (batch) => hub.audit({ type: 'vip.register_imported', customers: register.length, keys, batch, register }, actor));
  return { imported: register.length, skipped };
}

/** A register entry as head office sends it: the numbers already keyed under the organisation's secret. */
export interface KeyedVip {
  title: string;
  notes: string[];
  tags: string[];
  keys: string[];
}

/**
 * Head office's register replaces this branch's, as an import does (one full list): sealed
 * here under one key per customer, committed as one vip.register_imported with `more` (what
 * says where it came from), the replaced register's keys shredded after.
 */
export function applyOfficeRegister(hub: Hub, entries: readonly KeyedVip[], more: readonly LedgerEvent[], actor: string, newId: () => string = randomUUID): { customers: number } {
  const db = hub.ledger.db;
  const vault = vaultOf(db);
  const register: VipRegisterEntry[] = vault.keys.batch(() =>
    entries.map((c) => {
      const id = newId();
      const seal = (text: string) => vault.seal(subject.vip(id), text);
      return { id, title: seal(c.title), notes: c.notes.map(seal), tags: c.tags, keys: c.keys.map(seal) };
    }),
  );
  const keys = register.reduce((n, c) => n + c.keys.length, 0);
  const replaced = vipIds(db).map(subject.vip);
  commitThenShred(db, replaced, (batch) => hub.commit([{ type: 'vip.register_imported', customers: register.length, keys, batch, register }, ...more], actor));
  return { customers: register.length };
}
