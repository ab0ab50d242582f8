// Reads of the events table by type and time, for reports and the estimator: the few events
// they need without parsing a year of the ledger.
import type Database from 'better-sqlite3';

export interface RawEvent {
  seq: number;
  type: string;
  at: number;
  data: string;
}

/** Events of the given types with `from <= at < until`, in seq order. */
export function eventsOfTypesBetween(db: Database.Database, types: readonly string[], from: number, until: number): RawEvent[] {
  return db
    .prepare(`SELECT seq, type, at, data FROM events WHERE type IN (${types.map(() => '?').join(', ')}) AND at >= ? AND at < ? ORDER BY seq`)
    .all(...types, from, until) as RawEvent[];
}

/** Events of the given types before `beforeSeq`, in seq order. */
export function eventsOfTypesBefore(db: Database.Database, types: readonly string[], beforeSeq: number): RawEvent[] {
  return db.prepare(`SELECT seq, type, at, data FROM events WHERE type IN (${types.map(() => '?').join(',')}) AND seq < ? ORDER BY seq`).all(...types, beforeSeq) as RawEvent[];
}

/** How many events of the given types fall in `from <= at < until`. */
export function countEventsBetween(db: Database.Database, types: readonly string[], from: number, until: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM events WHERE at >= ? AND at < ? AND type IN (${types.map(() => '?').join(',')})`).get(from, until, ...types) as { n: number }).n;
}

/** How many alerts of `kind` were raised in `from <= at < until`. */
export function countAlertsRaisedBetween(db: Database.Database, kind: string, from: number, until: number): number {
  return (
    db.prepare("SELECT count(*) AS n FROM events WHERE at >= ? AND at < ? AND type = 'alert.raised' AND json_extract(data, '$.alert.kind') = ?").get(from, until, kind) as { n: number }
  ).n;
}

/** The staff IDs the staff.defined events name. */
export function definedStaffIds(db: Database.Database): Set<string> {
  const rows = db.prepare("SELECT json_extract(data, '$.staffId') AS id FROM events WHERE type = 'staff.defined'").all() as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** Who acted in `from <= at < until`, sign-ins aside. */
export function actorsBetween(db: Database.Database, from: number, until: number): string[] {
  return (db.prepare("SELECT DISTINCT actor FROM events WHERE at >= ? AND at < ? AND actor IS NOT NULL AND type <> 'auth.login'").all(from, until) as { actor: string }[]).map((r) => r.actor);
}

/** Every day.opened event: its seq and the date it opened. */
export function dayOpenings(db: Database.Database): { seq: number; date: string }[] {
  return db.prepare("SELECT seq, json_extract(data, '$.date') AS date FROM events WHERE type = 'day.opened' ORDER BY seq").all() as { seq: number; date: string }[];
}

/** Is `text` anywhere in an event's data? (A shred's token: was its event committed?) */
export function someEventMentions(db: Database.Database, text: string): boolean {
  return !!db.prepare("SELECT 1 FROM events WHERE data LIKE '%' || ? || '%' LIMIT 1").get(text);
}
