// Start-up upgrade of a folder from a release that kept the customer-key secret in the
// settings table: the secret goes to its file, then the row goes, its bytes overwritten.
import type Database from 'better-sqlite3';
import { createSecretFile, readSecret, secretPath } from '../../personal/secret-file.js';

/**
 * A hub from before kept the secret in the settings table: write it to the file, fsync,
 * then delete the row. Run on every start; a crash between the two steps leaves the same
 * secret in both places, and the next start finishes the move.
 */
export function moveSecretOutOfDatabase(db: Database.Database, dataDir: string): void {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'branch.secret'").get() as { value: string } | undefined;
  if (!row) return;
  const inFile = readSecret(secretPath(dataDir)) ?? createSecretFile(dataDir, row.value);
  if (inFile !== row.value) {
    throw new Error(`${secretPath(dataDir)} and the database hold different customer-key secrets; keep the one the customer keys were made with and delete the other.`);
  }
  // secure_delete: the secret's bytes are overwritten, not left in a free page of atrium.db.
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.prepare("DELETE FROM settings WHERE key = 'branch.secret'").run();
  } finally {
    db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
  // The row's old page may still sit in the write-ahead log: copy it back and empty the log.
  db.pragma('wal_checkpoint(TRUNCATE)');
}
