// A database that holds sealed fields, without the key store beside it (atrium.db copied or
// restored alone), must not start: an empty key store would read every field as erased and
// the hub would go on as if nothing were wrong.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DOCUMENT_TABLES } from '../records/index.js';
import { KEY_STORE_FILE } from './key-store.js';

const SEALED_LIKE = "'%enc1.%'";

export function requireKeyStore(db: Database.Database, dataDir: string): void {
  const file = path.join(dataDir, KEY_STORE_FILE);
  if (existsSync(file)) return;
  const columns = [
    ['vip_customers', 'title'],
    ['opinion_phones', 'phone'],
    ...DOCUMENT_TABLES.map((t) => [t, 'doc']),
  ];
  const sealedIn = columns.find(([table, column]) => db.prepare(`SELECT 1 FROM ${table} WHERE ${column} LIKE ${SEALED_LIKE} LIMIT 1`).get());
  if (sealedIn) {
    throw new Error(`${file} is missing, though this database holds personal fields sealed with its keys (${sealedIn[0]}); restore it from the backup of this data folder.`);
  }
}
