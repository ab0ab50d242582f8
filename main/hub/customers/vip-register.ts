// The VIP register: imported whole from CSV (numbers hashed on the way in, never stored),
// looked up by keyed hash at check-in. Decision: an import replaces the register, as the
// CSV is the CRM's full list; its one event carries the whole register as the rows hold it
// (titles, notes and keyed hashes sealed under each customer's key), so a bad file writes
// nothing and a rebuild writes the same register.
import { randomUUID } from 'node:crypto';
import type { VipRegisterEntry } from '../../common/kiosk.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { subject, vaultOf, type Vault } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { branchSecret, customerKey } from './customer-key.js';
import { vipIds } from './customers-projector.js';
import { CsvError, parseVipCsv, type VipRow } from './vip-csv.js';

/** The register a CSV gives, sealed: refuses a file with a bad row or a number given twice. */
function registerOf(csv: string, secret: string, vault: Vault, newId: () => string = randomUUID): VipRegisterEntry[] {
  let rows: VipRow[];
  try {
    rows = parseVipCsv(csv);
  } catch (e) {
    if (e instanceof CsvError) throw new DomainError('invalid', 'invalid_csv', e.message);
    throw e;
  }
  const lines = new Map<string, number>();
  const keyed = rows.map((r) => {
    const keys: string[] = [];
    for (const [kind, value] of [['card', r.card], ['phone', r.phone]] as const) {
      if (!value) continue;
      const key = customerKey(secret, kind, value);
      const first = lines.get(key);
      if (first !== undefined) throw new DomainError('invalid', 'invalid_csv', `line ${r.line}: the same ${kind} number is on line ${first}.`);
      lines.set(key, r.line);
      keys.push(key);
    }
    return { row: r, keys };
  });
  // Sealed under one key per customer, made only once the whole file passed, in one key-store commit.
  return vault.keys.batch(() =>
    keyed.map(({ row, keys }) => {
      const id = newId();
      const seal = (text: string) => vault.seal(subject.vip(id), text);
      return { id, title: seal(row.title), notes: row.notes.map(seal), tags: row.tags, keys: keys.map(seal) };
    }),
  );
}

export function importVipRegister(hub: Hub, csv: string, actor: string): number {
  const db = hub.ledger.db;
  const register = registerOf(csv, branchSecret(db), vaultOf(db));
  const keys = register.reduce((n, c) => n + c.keys.length, 0);
  // The replaced register's keys are shredded once the new one is committed.
  const replaced = vipIds(db).map(subject.vip);
  commitThenShred(db, replaced, (batch) => hub.audit({ type: 'vip.register_imported', customers: register.length, keys, batch, register }, actor));
  return register.length;
}

