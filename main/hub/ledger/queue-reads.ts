// Reads of the queue projector's tables (tickets, services, business_days) over past days: what
// the estimator learns from. The SQL of those tables stays beside the projector that writes them.
import type Database from 'better-sqlite3';
import type { Priority } from '../../common/domain.js';

/** The last `limit` business days before `today` ('YYYY-MM-DD') that had tickets, newest first. */
export function pastTicketDays(db: Database.Database, today: string, limit: number): string[] {
  return (db.prepare('SELECT DISTINCT business_day AS d FROM tickets WHERE business_day < ? ORDER BY d DESC LIMIT ?').all(today, limit) as { d: string }[]).map((r) => r.d);
}

/** Each service's configured prior service time, minutes. */
export function servicePriors(db: Database.Database): Map<string, number> {
  return new Map((db.prepare('SELECT code, prior_service_minutes AS minutes FROM services').all() as { code: string; minutes: number }[]).map((r) => [r.code, r.minutes]));
}

/** A past ticket as the estimator learns from it (day-kinds.ts). */
export interface PastTicketRow {
  id: string;
  day: string;
  issuedAt: number;
  service: string;
  priority: Priority;
  status: string;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transfers: number;
}

/** Every ticket of the business days `days` (YYYY-MM-DD). */
export function ticketsOfDays(db: Database.Database, days: readonly string[]): PastTicketRow[] {
  return db
    .prepare(
      'SELECT id, business_day AS day, issued_at AS issuedAt, service, priority, status, called_at AS calledAt, started_at AS startedAt, finished_at AS finishedAt, transfers FROM tickets WHERE business_day IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(days)) as PastTicketRow[];
}

/** When each of `days` opened and when the next business day opened (null: none yet), to bound its counter events. */
export function dayBounds(db: Database.Database, days: readonly string[]): { date: string; openedAt: number; nextOpenedAt: number | null }[] {
  return db
    .prepare('SELECT date, opened_at AS openedAt, (SELECT MIN(n.opened_at) FROM business_days n WHERE n.date > d.date) AS nextOpenedAt FROM business_days d WHERE d.date IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(days)) as { date: string; openedAt: number; nextOpenedAt: number | null }[];
}
