// The projection tables mirror the engine's LobbyState, so the hub reads the lobby without
// replaying, and reports can query past days. Written inside ledger.append's transaction.
import type Database from 'better-sqlite3';
import type { LobbyState } from '../../common/domain.js';
import { configToRow, counterToRow, dayToRow, serviceToRow, ticketToRow } from './projection-rows.js';

interface Statements {
  upsertConfig: Database.Statement;
  upsertService: Database.Statement;
  deleteService: Database.Statement;
  upsertCounter: Database.Statement;
  deleteCounter: Database.Statement;
  upsertTicket: Database.Statement;
  upsertDay: Database.Statement;
  clearNumbering: Database.Statement;
  insertNumbering: Database.Statement;
}

/** `INSERT … ON CONFLICT DO UPDATE` keeps the rowid, so rowid order stays definition order. */
function upsert(table: string, key: string, columns: string[]): string {
  const others = columns.filter((c) => c !== key);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (${key}) DO UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')}`
  );
}

// Prepared once per connection: writeProjections runs on every append.
const cache = new WeakMap<Database.Database, Statements>();
function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      upsertConfig: db.prepare(upsert('config', 'id', ['id', 'max_recalls', 'appointment_early_minutes', 'elderly_rank'])),
      upsertService: db.prepare(
        upsert('services', 'code', ['code', 'prefix', 'name_zh', 'name_en', 'target_wait_minutes', 'max_wait_minutes', 'prior_service_minutes']),
      ),
      deleteService: db.prepare('DELETE FROM services WHERE code = ?'),
      upsertCounter: db.prepare(
        upsert('counters', 'id', ['id', 'services', 'status', 'pause_reason', 'staff_id', 'since', 'current_ticket_id', 'label']),
      ),
      deleteCounter: db.prepare('DELETE FROM counters WHERE id = ?'),
      upsertTicket: db.prepare(
        upsert('tickets', 'id', [
          'id', 'number', 'service', 'priority', 'status', 'business_day', 'issued_at', 'called_at', 'started_at',
          'finished_at', 'counter', 'target_counter', 'appointment_at', 'recalls', 'transfers', 'tags',
        ]),
      ),
      upsertDay: db.prepare(upsert('business_days', 'date', ['date', 'status', 'opened_at', 'closed_at'])),
      clearNumbering: db.prepare('DELETE FROM numbering'),
      insertNumbering: db.prepare('INSERT INTO numbering (prefix, last) VALUES (?, ?)'),
    };
    cache.set(db, s);
  }
  return s;
}

/**
 * Writes what changed between two states. The engine returns new objects only for what an
 * event changed, so object identity finds the changed rows without comparing fields.
 * Tickets the new state dropped (the previous day's, when a day opens) stay in the table:
 * it keeps every day's tickets. Services and counters the state dropped are deleted.
 */
export function writeProjections(db: Database.Database, before: LobbyState, after: LobbyState): void {
  const s = statements(db);
  if (before.config !== after.config) s.upsertConfig.run({ id: 1, ...configToRow(after.config) });

  if (before.services !== after.services) {
    for (const [code, service] of Object.entries(after.services)) {
      if (before.services[code] !== service) s.upsertService.run(serviceToRow(service));
    }
    for (const code of Object.keys(before.services)) if (!(code in after.services)) s.deleteService.run(code);
  }

  if (before.counters !== after.counters) {
    for (const [id, counter] of Object.entries(after.counters)) {
      if (before.counters[id] !== counter) s.upsertCounter.run(counterToRow(counter));
    }
    for (const id of Object.keys(before.counters)) if (!(id in after.counters)) s.deleteCounter.run(id);
  }

  if (before.tickets !== after.tickets) {
    for (const [id, ticket] of Object.entries(after.tickets)) {
      if (before.tickets[id] !== ticket) s.upsertTicket.run(ticketToRow(ticket));
    }
  }

  // A null day never replaces a recorded one: business_days is a history.
  if (before.day !== after.day && after.day) s.upsertDay.run(dayToRow(after.day));

  if (before.lastNumber !== after.lastNumber) {
    s.clearNumbering.run();
    for (const [prefix, last] of Object.entries(after.lastNumber)) s.insertNumbering.run(prefix, last);
  }
}
