// The shared notebook's push read: the notes saved after a seq (notebook.saved rows only;
// a notebook.received is another branch's note and is never pushed back).
import type Database from 'better-sqlite3';

export function savedNotesAfter(db: Database.Database, afterSeq: number, limit: number): { seq: number; data: string }[] {
  return db.prepare("SELECT seq, data FROM events WHERE seq > ? AND type = 'notebook.saved' ORDER BY seq LIMIT ?").all(afterSeq, limit) as { seq: number; data: string }[];
}
