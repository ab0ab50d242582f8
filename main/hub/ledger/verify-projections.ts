// The second check of verify: the projection tables against the replayed events, row by
// row. Table rows are read back through the same mapping the hub uses (so JSON spacing
// does not count as a difference) and compared column by column, to name what differs.
import type Database from 'better-sqlite3';
import type { BusinessDay, LobbyState, Ticket } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import {
  configToRow,
  counterToRow,
  dayToRow,
  rowToConfig,
  rowToCounter,
  rowToDay,
  rowToService,
  rowToTicket,
  serviceToRow,
  ticketToRow,
  type ConfigRow,
} from './projection-rows.js';
import { readProjectionState } from './projections.js';
import { show, type VerifyProblem } from './verify-result.js';

interface TableSpec<T, R extends object> {
  table: string;
  key: keyof R & string;
  expected: Map<string, T>;
  toRow: (value: T) => R;
  fromRow: (row: R) => T;
}

function compareTable<T, R extends object>(db: Database.Database, spec: TableSpec<T, R>): VerifyProblem | null {
  const { table, key, expected } = spec;
  const seen = new Set<string>();
  for (const raw of db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate() as Iterable<R>) {
    const id = String(raw[key]);
    const bad = (problem: string): VerifyProblem => ({ ok: false, table, key: id, problem: `${table} row ${id}: ${problem}` });
    seen.add(id);
    const want = expected.get(id);
    if (!want) return bad('it is in the table but not in the events');
    let got: R;
    try {
      got = spec.toRow(spec.fromRow(raw));
    } catch {
      return bad('it cannot be read (a JSON column is malformed) — the row was edited');
    }
    const wantRow = spec.toRow(want);
    for (const column of Object.keys(wantRow) as (keyof R & string)[]) {
      if (got[column] !== wantRow[column]) {
        return bad(`${column} is ${show(got[column])} in the table but ${show(wantRow[column])} from the events`);
      }
    }
  }
  for (const id of expected.keys()) {
    if (!seen.has(id)) return { ok: false, table, key: id, problem: `${table} row ${id}: it is missing from the table, though the events have it` };
  }
  return null;
}

const byKey = <T>(record: Record<string, T>): Map<string, T> => new Map(Object.entries(record));

export function compareProjections(
  db: Database.Database,
  replay: { state: LobbyState; tickets: Map<string, Ticket>; days: Map<string, BusinessDay> },
): VerifyProblem | null {
  const { state } = replay;

  // config has one row, absent until the first config.set: then the engine's default holds.
  const configRow = db.prepare('SELECT max_recalls, appointment_early_minutes FROM config WHERE id = 1').get() as ConfigRow | undefined;
  const got = configToRow(configRow ? rowToConfig(configRow) : initialState().config);
  const want = configToRow(state.config);
  for (const column of Object.keys(want) as (keyof ConfigRow)[]) {
    if (got[column] !== want[column]) {
      return { ok: false, table: 'config', key: '1', problem: `config: ${column} is ${show(got[column])} in the table but ${show(want[column])} from the events` };
    }
  }

  const problem =
    compareTable(db, { table: 'services', key: 'code', expected: byKey(state.services), toRow: serviceToRow, fromRow: rowToService }) ??
    compareTable(db, { table: 'counters', key: 'id', expected: byKey(state.counters), toRow: counterToRow, fromRow: rowToCounter }) ??
    compareTable(db, { table: 'business_days', key: 'date', expected: replay.days, toRow: dayToRow, fromRow: rowToDay }) ??
    compareTable(db, { table: 'tickets', key: 'id', expected: replay.tickets, toRow: ticketToRow, fromRow: rowToTicket }) ??
    compareTable(db, {
      table: 'numbering',
      key: 'prefix',
      expected: new Map(Object.entries(state.lastNumber).map(([prefix, last]) => [prefix, { prefix, last }])),
      toRow: (n: { prefix: string; last: number }) => n,
      fromRow: (r: { prefix: string; last: number }) => r,
    });
  if (problem) return problem;

  // Every row agrees; what is left is which of them make up the live state.
  const live = readProjectionState(db);
  if ((live.day?.date ?? null) !== (state.day?.date ?? null)) {
    return {
      ok: false,
      table: 'business_days',
      problem: `the current business day is ${show(live.day?.date ?? null)} in the tables but ${show(state.day?.date ?? null)} from the events`,
    };
  }
  for (const id of Object.keys(state.tickets)) {
    if (!(id in live.tickets)) {
      return { ok: false, table: 'tickets', key: id, problem: `tickets row ${id}: it is not among the current day's tickets in the tables, though it is from the events` };
    }
  }
  for (const id of Object.keys(live.tickets)) {
    if (!(id in state.tickets)) {
      return { ok: false, table: 'tickets', key: id, problem: `tickets row ${id}: it is among the current day's tickets in the tables, though not from the events` };
    }
  }
  return null;
}
