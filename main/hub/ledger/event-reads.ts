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

/** How many alerts of `kind` were raised in `from <= at < until`. */
export function countAlertsRaisedBetween(db: Database.Database, kind: string, from: number, until: number): number {
  return (
    db.prepare("SELECT count(*) AS n FROM events WHERE at >= ? AND at < ? AND type = 'alert.raised' AND json_extract(data, '$.alert.kind') = ?").get(from, until, kind) as { n: number }
  ).n;
}

/**
 * Self-service visits in `from <= at < until`: the manager's triage events and the kiosk's,
 * but not the kiosk's `help: true` one: the kiosk records the visit when it shows the way to
 * the machines, and "I need help" on that same page is the same visit (its alert is counted
 * as kiosk help).
 */
export function countSelfServiceVisitsBetween(db: Database.Database, from: number, until: number): number {
  return (
    db
      .prepare(
        "SELECT count(*) AS n FROM events WHERE at >= ? AND at < ? AND (type = 'triage.self_service' OR (type = 'kiosk.self_service' AND coalesce(json_extract(data, '$.help'), 0) = 0))",
      )
      .get(from, until) as { n: number }
  ).n;
}

/** Each staff ID the staff events name, with the role the latest of them gives (staff.defined, or staff.changed with a role). */
export function definedStaffRoles(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare(
      "SELECT json_extract(data, '$.staffId') AS id, json_extract(data, '$.role') AS role FROM events WHERE type IN ('staff.defined', 'staff.changed') AND json_extract(data, '$.role') IS NOT NULL ORDER BY seq",
    )
    .all() as { id: string; role: string }[];
  return new Map(rows.map((r) => [r.id, r.role]));
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
