// What one scored day leaves for the report, small enough to commit (bench/results/days/):
// its predictions at ticket issue of served customers and of those who left (the rows every
// headline figure, the paired tests, the day intervals and the plots are made of), column by
// column and rounded (predictions to 0.01 min, realised waits to 0.01 min); its screen-update
// predictions only as per-predictor sums (score-sums.ts); and the day's counts, timings,
// learning and oracle noise. Issue rows of customers never served nor gone (still waiting at
// the end) are not kept: no figure uses them.
import type { Priority } from '../../main/common/domain.js';
import type { DayKind } from '../sim/calendar.js';
import { dayStart } from '../sim/world.js';
import type { DayRun, Prediction } from './evaluate.js';
import type { OracleNoise } from './oracle.js';
import { addRow, emptySums, type ScoreSums } from './score-sums.js';

/** Bumped when the record's shape or meaning changes: every stored day is then stale. */
export const RECORD_FORMAT = 1;

export interface DayRecord {
  format: number;
  /** day-store.ts: everything that could change the day, hashed. */
  fingerprint: string;
  scenario: string;
  date: string;
  /** Its place among the scenario's scored days (the oracles' seeds follow it). */
  index: number;
  computedAt: string;
  /** Wall-clock seconds the day took to compute (predictors, oracles and learning): longer on a busy machine. */
  seconds: number;
  /** CPU seconds of its worker for the day (user + system): the day's cost. */
  cpuSeconds: number;
  dayFactor: number;
  /** Kinds of the past days the hub learnt from. */
  learntFrom: Partial<Record<DayKind, number>>;
  customers: number;
  served: number;
  noShows: number;
  meanServedWait: number;
  simMs: number;
  predictMs: Record<string, number>;
  oracleNoise: Record<string, OracleNoise>;
  /** Ticket-issue rows, one column per field, aligned by position. */
  issue: {
    ticket: string[];
    priority: Priority[];
    hour: number[];
    /** Whole seconds from the day's midnight (UTC). */
    at: number[];
    /** Hundredths of a minute. */
    realised: number[];
    /** 1 served, 0 left before the call (no-show). */
    served: (0 | 1)[];
    delayed: (0 | 1)[];
    /** Per predictor, aligned with the tickets, in tenths of a minute; null where it gave no estimate. */
    predictions: Record<string, Column | { same: string }>;
  };
  /** Screen updates of served customers, per predictor. */
  updates: Record<string, ScoreSums>;
  /**
   * A sensitivity day keeps no rows: only, per predictor, the sums of its served customers at
   * ticket issue (means only, no histograms: the table quotes MAE, bias and coverage).
   */
  issueSums?: Record<string, ScoreSums>;
}

export interface Column {
  minutes: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
}

const tenths = (x: number): number => Math.round(x * 10);

export type DayFacts = Omit<DayRecord, 'format' | 'fingerprint' | 'issue' | 'updates' | 'customers' | 'served' | 'noShows' | 'meanServedWait' | 'simMs' | 'predictMs'>;

/** `validation`: keep only delayed customers' rows (the M/M/8 validation scores no other). */
export function packDay(facts: DayFacts, fingerprint: string, day: DayRun, validation: boolean, keep: 'rows' | 'sums' = 'rows'): DayRecord {
  if (keep === 'sums') return packSums(facts, fingerprint, day);
  const midnight = dayStart(facts.date);
  const kept = day.predictions.filter((p) => p.moment === 'issue' && p.result !== 'unserved' && (!validation || p.delayed));
  const index = new Map<string, number>();
  const issue: DayRecord['issue'] = { ticket: [], priority: [], hour: [], at: [], realised: [], served: [], delayed: [], predictions: {} };
  for (const p of kept) {
    if (index.has(p.ticket)) continue;
    index.set(p.ticket, issue.ticket.length);
    issue.ticket.push(p.ticket);
    issue.priority.push(p.priority);
    issue.hour.push(p.hour);
    issue.at.push(Math.round((p.at - midnight) / 1000));
    issue.realised.push(Math.round(p.realised * 100));
    issue.served.push(p.result === 'served' ? 1 : 0);
    issue.delayed.push(p.delayed ? 1 : 0);
  }
  const columns = new Map<string, Column>();
  const empty = (): Column => ({ minutes: Array<null>(issue.ticket.length).fill(null), low: Array<null>(issue.ticket.length).fill(null), high: Array<null>(issue.ticket.length).fill(null) });
  for (const p of kept) {
    let col = columns.get(p.predictor);
    if (!col) columns.set(p.predictor, (col = empty()));
    const i = index.get(p.ticket)!;
    col.minutes[i] = tenths(p.minutes);
    col.low[i] = tenths(p.low);
    col.high[i] = tenths(p.high);
  }
  const seen = new Map<string, string>();
  for (const [name, col] of columns) {
    const text = JSON.stringify(col);
    const first = seen.get(text);
    if (first === undefined) seen.set(text, name);
    issue.predictions[name] = first === undefined ? col : { same: first };
  }
  const updates: Record<string, ScoreSums> = {};
  for (const p of day.predictions) {
    if (p.moment !== 'update' || p.result !== 'served') continue;
    addRow((updates[p.predictor] ??= emptySums()), { predicted: p.minutes, low: p.low, high: p.high, realised: p.realised });
  }
  return {
    format: RECORD_FORMAT,
    fingerprint,
    ...facts,
    ...counts(day),
    issue,
    updates,
  };
}

function counts(day: DayRun): Pick<DayRecord, 'customers' | 'served' | 'noShows' | 'meanServedWait' | 'simMs' | 'predictMs'> {
  return {
    customers: day.customers,
    served: day.served,
    noShows: day.noShows,
    meanServedWait: day.meanServedWait,
    simMs: Math.round(day.simMs),
    predictMs: Object.fromEntries(Object.entries(day.predictMs).map(([k, v]) => [k, Math.round(v)])),
  };
}

function packSums(facts: DayFacts, fingerprint: string, day: DayRun): DayRecord {
  const issueSums: Record<string, ScoreSums> = {};
  for (const p of day.predictions) {
    if (p.moment !== 'issue' || p.result !== 'served') continue;
    addRow((issueSums[p.predictor] ??= emptySums()), { predicted: p.minutes, low: p.low, high: p.high, realised: p.realised });
  }
  for (const s of Object.values(issueSums)) {
    s.absHist = {};
    s.widthHist = {};
  }
  const issue: DayRecord['issue'] = { ticket: [], priority: [], hour: [], at: [], realised: [], served: [], delayed: [], predictions: {} };
  return { format: RECORD_FORMAT, fingerprint, ...facts, ...counts(day), issue, updates: {}, issueSums };
}

/** The day's ticket-issue rows again, as the report reads them (`day`: the record's index). */
export function issueRows(record: DayRecord): Prediction[] {
  const out: Prediction[] = [];
  const is = record.issue;
  const midnight = dayStart(record.date);
  for (const [predictor, stored] of Object.entries(is.predictions)) {
    const col = 'same' in stored ? (is.predictions[stored.same] as Column) : stored;
    for (let i = 0; i < is.ticket.length; i++) {
      const minutes = col.minutes[i];
      if (minutes === null || minutes === undefined) continue;
      out.push({
        predictor,
        moment: 'issue',
        ticket: is.ticket[i]!,
        day: record.index,
        priority: is.priority[i]!,
        hour: is.hour[i]!,
        at: midnight + is.at[i]! * 1000,
        minutes: minutes / 10,
        low: col.low[i]! / 10,
        high: col.high[i]! / 10,
        realised: is.realised[i]! / 100,
        result: is.served[i] === 1 ? 'served' : 'no_show',
        delayed: is.delayed[i] === 1,
      });
    }
  }
  return out;
}
