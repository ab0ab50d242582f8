// Reads of the queue projector's tables (tickets, services, business_days) over past days: what
// the estimator learns from. The SQL of those tables stays beside the projector that writes them.
import type Database from 'better-sqlite3';
import type { Priority } from '../../common/domain.js';

/** The last `limit` business days before `today` ('YYYY-MM-DD') that had tickets, newest first. */
export function pastTicketDays(db: Database.Database, today: string, limit: number): string[] {
  return (db.prepare('SELECT DISTINCT business_day AS d FROM tickets WHERE business_day < ? ORDER BY d DESC LIMIT ?').all(today, limit) as { d: string }[]).map((r) => r.d);
}

/** Every ticket issued on the business days from `first` to before `today`. */
export function arrivalsBetween(db: Database.Database, first: string, today: string): { issuedAt: number; service: string; priority: Priority }[] {
  return db.prepare('SELECT issued_at AS issuedAt, service, priority FROM tickets WHERE business_day >= ? AND business_day < ?').all(first, today) as {
    issuedAt: number;
    service: string;
    priority: Priority;
  }[];
}

/** Minutes each ticket served to the end took, on the business days from `first` to before `today`. */
export function serviceMinutesBetween(db: Database.Database, first: string, today: string): { service: string; minutes: number }[] {
  return db
    .prepare(
      "SELECT service, (finished_at - started_at) / 60000.0 AS minutes FROM tickets WHERE business_day >= ? AND business_day < ? AND status = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL",
    )
    .all(first, today) as { service: string; minutes: number }[];
}

/** Each service's configured prior service time, minutes. */
export function servicePriors(db: Database.Database): Map<string, number> {
  return new Map((db.prepare('SELECT code, prior_service_minutes AS minutes FROM services').all() as { code: string; minutes: number }[]).map((r) => [r.code, r.minutes]));
}

/** When the first of the days from `first` opened, and when `today` (or the first day after) opened. */
export function openingsSpan(db: Database.Database, first: string, today: string): { first: number | null; today: number | null } {
  return db.prepare('SELECT MIN(opened_at) AS first, (SELECT MIN(opened_at) FROM business_days WHERE date >= ?) AS today FROM business_days WHERE date >= ? AND date < ?').get(today, first, today) as {
    first: number | null;
    today: number | null;
  };
}

/** The mean walk from call to start, each clipped to `clipMinutes`, of untransferred tickets. */
export function meanWalkMinutes(db: Database.Database, first: string, today: string, clipMinutes: number): number | null {
  return (
    db
      .prepare(
        'SELECT AVG(MIN(MAX((started_at - called_at) / 60000.0, 0), ?)) AS minutes FROM tickets WHERE business_day >= ? AND business_day < ? AND called_at IS NOT NULL AND started_at IS NOT NULL AND transfers = 0',
      )
      .get(clipMinutes, first, today) as { minutes: number | null }
  ).minutes;
}
