// The registry covers the schema: every table a migration creates is written by exactly one
// projector, or is the ledger's own, or is a credential table copied by rebuild and checked
// by verify. A table added without a projector fails here before it can escape verify.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './ledger/migrate.js';
import { LEDGER_TABLES } from './ledger/projector.js';
import { tablesOf } from './ledger/verify-tables.js';
import { CREDENTIAL_TABLES, createProjectors } from './projectors.js';

describe('the projector registry', () => {
  const db = new Database(':memory:');
  migrate(db);
  const owners = new Map<string, string[]>();
  for (const p of createProjectors()) for (const t of p.tables) owners.set(t, [...(owners.get(t) ?? []), p.name]);

  it('gives every table of the schema exactly one owner', () => {
    for (const table of tablesOf(db)) {
      const kinds = [
        ...(owners.get(table) ?? []),
        ...((LEDGER_TABLES as readonly string[]).includes(table) ? ['ledger'] : []),
        ...(CREDENTIAL_TABLES.includes(table) ? ['credentials'] : []),
      ];
      expect(kinds, table).toHaveLength(1);
    }
  });

  it('names only tables that exist', () => {
    const tables = new Set(tablesOf(db));
    for (const t of [...owners.keys(), ...CREDENTIAL_TABLES]) expect(tables.has(t), t).toBe(true);
  });
});
