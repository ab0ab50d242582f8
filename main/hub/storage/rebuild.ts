// `atrium rebuild`: a new data folder whose every table is made again from the events of an
// old one. The events are copied byte for byte (the chain is checked first: a rebuild must not
// launder edited events); every projection table is written by the registered projectors;
// what lives outside the ledger by design (keys, secrets, certificates, credential tables) is
// copied, not rebuilt, and the answer lists it.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, openDatabase } from '../ledger/ledger.js';
import { checkSchemaNotNewer, migrate } from '../ledger/migrate.js';
import { replayInto } from '../ledger/replay-into.js';
import { iterateEventRows } from '../ledger/rows.js';
import { ChainChecker } from '../ledger/verify-chain.js';
import { verifyLedger } from '../ledger/verify.js';
import { closeVault } from '../personal/vault.js';
import { CREDENTIAL_TABLES, createProjectors } from '../projectors.js';
import { holdDataFolder } from './data-lock.js';
import { readDataFiles } from './data-files.js';
import { StorageFault } from './faults.js';

export interface RebuildResult {
  events: number;
  /** Tables written from the events. */
  rebuilt: string[];
  /** Tables and files copied as they were. */
  copied: string[];
}

const OWNER_ONLY = 0o700;

export async function rebuildDataFolder(fromIn: string, toIn: string): Promise<RebuildResult> {
  const from = path.resolve(fromIn);
  const to = path.resolve(toIn);
  if (!existsSync(path.join(from, DB_FILE))) throw new StorageFault(`There is no ledger at ${path.join(from, DB_FILE)}.`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new StorageFault(`${to} is not empty: rebuild into a new or empty folder, so nothing there is overwritten.`);
  if (path.relative(from, to) === '' || !path.relative(from, to).startsWith('..')) throw new StorageFault(`Rebuild into a folder outside ${from}.`);

  // A snapshot of the ledger first: a hub may be writing the source meanwhile.
  const scratch = path.join(os.tmpdir(), `atrium-rebuild-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { mode: OWNER_ONLY });
  mkdirSync(to, { recursive: true, mode: OWNER_ONLY });
  chmodSync(to, OWNER_ONLY);
  const lock = holdDataFolder(to);
  let done = false;
  try {
    const snapshotFile = path.join(scratch, DB_FILE);
    const live = new Database(path.join(from, DB_FILE), { readonly: true, fileMustExist: true });
    try {
      await live.backup(snapshotFile);
    } finally {
      live.close();
    }
    const source = openDatabase(snapshotFile, { fileMustExist: true });
    try {
      checkSchemaNotNewer(source);
      const chain = new ChainChecker();
      for (const row of iterateEventRows(source)) {
        const result = chain.check(row);
        if ('ok' in result) throw new StorageFault(`The events of ${from} are not sound (${result.problem}); nothing was rebuilt.`);
      }
      const head = chain.checkHead(source);
      if (head) throw new StorageFault(`The events of ${from} are not sound (${head.problem}); nothing was rebuilt.`);

      // Keys and certificates first: a projector opens sealed values with the new folder's key store.
      const copied: string[] = [];
      for (const file of await readDataFiles(from, path.join(scratch, 'copy'))) {
        const dest = path.join(to, ...file.path.split('/'));
        mkdirSync(path.dirname(dest), { recursive: true, mode: OWNER_ONLY });
        writeFileSync(dest, file.bytes, { mode: file.mode & 0o700, flag: 'wx' });
        chmodSync(dest, file.mode & 0o700);
        copied.push(file.path);
      }

      const target = openDatabase(path.join(to, DB_FILE));
      try {
        migrate(target);
        const projectors = createProjectors();
        const failure = replayInto(source, target, projectors, true);
        if (failure) throw new StorageFault(`Event ${failure.seq} (${failure.type}) of ${from} cannot be applied: ${failure.why}; nothing was rebuilt.`);
        // Copied rows may refer to each other in any order: the references are checked once all are in.
        target.pragma('foreign_keys = OFF');
        for (const table of CREDENTIAL_TABLES) {
          if (copyTable(source, target, table)) copied.push(`table ${table}`);
        }
        target.pragma('foreign_keys = ON');
        const broken = target.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new StorageFault(`The copied tables of ${from} refer to rows that do not exist (${JSON.stringify(broken[0])}); nothing was rebuilt.`);
        const events = (target.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
        closeVault(target);
        target.close();
        const verdict = verifyLedger(to);
        if (!verdict.ok) throw new StorageFault(`The rebuilt ledger does not verify (${verdict.problem}); nothing was rebuilt.`);
        done = true;
        return { events, rebuilt: projectors.flatMap((p) => [...p.tables]), copied };
      } finally {
        if (target.open) {
          closeVault(target);
          target.close();
        }
      }
    } finally {
      source.close();
    }
  } finally {
    lock.close();
    rmSync(scratch, { recursive: true, force: true });
    if (!done) for (const name of existsSync(to) ? readdirSync(to) : []) rmSync(path.join(to, name), { recursive: true, force: true });
  }
}

/** Copies a table's rows as they are; false when the source has no such table. */
function copyTable(source: Database.Database, target: Database.Database, table: string): boolean {
  if (!source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) return false;
  const columns = (target.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const insert = target.prepare(`INSERT OR REPLACE INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  target.transaction(() => {
    for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) insert.run(...row);
  })();
  return true;
}
