// Head office's configuration versions this branch has dealt with (applied or refused) after
// a seq: the ledger is what says so, the cursor file only saves reading it from the start.
import type Database from 'better-sqlite3';

export function configVersionsAfter(db: Database.Database, afterSeq: number): { seq: number; data: string }[] {
  return db.prepare("SELECT seq, data FROM events WHERE seq > ? AND type IN ('office.config_applied', 'office.config_refused') ORDER BY seq").all(afterSeq) as { seq: number; data: string }[];
}
