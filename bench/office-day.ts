// The office bench's branch days: a busy day recorded once from the simulator (bench/sim, the
// real pure queue engine on an ordinary day, ~2,300 events), then given to each simulated
// branch as hub ledger rows with a hash chain of its own, made by the hub's own hashing
// (main/node/chain-hash.ts), exactly as the hub's ledger stores them (data is the canonical
// JSON of the event minus its type). Each branch shifts the day by its own few minutes and
// gets its own ticket ids, so no two branches send the same rows.
import type { QueueEvent } from '../main/common/events.js';
import { canonicalJson } from '../main/common/canonical.js';
import type { ShippedEvent } from '../main/common/office/wire.js';
import { eventHash, GENESIS_HASH } from '../main/node/chain-hash.js';
import { loadScenario, SCENARIO_DIR } from './sim/scenario.js';
import { BranchSimulator } from './sim/simulator.js';
import { dayStart, drawWorld } from './sim/world.js';
import path from 'node:path';

const DAY = 86_400_000;
/** The simulator's clock reads a date's hours as UTC; the branches are in Shanghai (UTC+8). */
export const BRANCH_ZONE = 'Asia/Shanghai';
const ZONE_SHIFT = -8 * 3_600_000;

/** One event of a recorded day: what a hub would commit, before it has a seq or a hash. */
export interface DayEvent {
  type: string;
  at: number;
  actor: string | null;
  data: Record<string, unknown>;
}

export interface RecordedDay {
  date: string;
  events: DayEvent[];
}

/** A busy day of the ordinary-day scenario on `date` (the branch's local date), from seed `seed`. */
export function recordDay(date: string, seed: number, scenarioFile = path.join(SCENARIO_DIR, 'ordinary-day.json')): RecordedDay {
  const log: { event: QueueEvent; at: number }[] = [];
  BranchSimulator.forDay(drawWorld(loadScenario(scenarioFile), seed, date), {}, log).run();
  const base = dayStart(date);
  const events = log.map(({ event, at }) => {
    const { type, ...data } = event as unknown as { type: string } & Record<string, unknown>;
    const counter = typeof data.counter === 'string' ? data.counter : null;
    // Who the hub would name: the teller at the counter, the kiosk for an issue, the system otherwise.
    const actor = type === 'ticket.issued' ? 'kiosk-1' : counter ? `teller${counter}` : null;
    return { type, at: at + ZONE_SHIFT, actor, data: shift(data, base, ZONE_SHIFT, '') as Record<string, unknown> };
  });
  return { date, events };
}

/** Numbers that are times of the day (a day either side) move by `by`; ticket ids (c123) get `prefix`. */
function shift(value: unknown, base: number, by: number, prefix: string): unknown {
  if (typeof value === 'number') return value > base - DAY && value < base + 3 * DAY ? Math.round(value + by) : value;
  if (typeof value === 'string') return prefix && /^c\d+$/.test(value) ? prefix + value : value;
  if (Array.isArray(value)) return value.map((v) => shift(v, base, by, prefix));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shift(v, base, by, prefix);
    return out;
  }
  return value;
}

/** A branch's ledger: its chain head, and the rows of each day it is given, in seq order. */
export class BranchLedger {
  seq = 0;
  hash = GENESIS_HASH;

  constructor(readonly index: number) {}

  /** The rows of `day` for this branch: moved by `offsetMs`, its own ticket ids, chained on. */
  rows(day: RecordedDay, offsetMs: number, skipDefinitions = false): ShippedEvent[] {
    return [...this.batches(day, offsetMs, skipDefinitions, Infinity)].flat();
  }

  /**
   * The same rows made `size` at a time, each batch when it is asked for (as a hub reads its
   * outbox a batch at a time): the bench's process never hashes a whole day at once, which
   * would hold up its own timing of the dashboard's answers.
   */
  *batches(day: RecordedDay, offsetMs: number, skipDefinitions: boolean, size: number): Generator<ShippedEvent[]> {
    const base = Date.parse(`${day.date}T00:00:00Z`);
    const prefix = `b${this.index}-${day.date.replaceAll('-', '')}-`;
    let out: ShippedEvent[] = [];
    for (const e of day.events) {
      if (out.length >= size) {
        yield out;
        out = [];
      }
      if (skipDefinitions && e.type.endsWith('.defined')) continue;
      const data = shift(e.data, base, offsetMs, prefix);
      const at = Math.round(e.at + offsetMs);
      const seq = this.seq + 1;
      const hash = eventHash(this.hash, { seq, type: e.type, at, actor: e.actor, data });
      out.push({ seq, type: e.type, at, actor: e.actor, data: canonicalJson(data), prev_hash: this.hash, hash });
      this.seq = seq;
      this.hash = hash;
    }
    if (out.length > 0) yield out;
  }
}

/** YYYY-MM-DD of `at` in the branches' zone. */
export function branchDate(at: number): string {
  return new Date(at - ZONE_SHIFT).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
