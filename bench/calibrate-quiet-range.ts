// Calibrates a quiet lobby's range (atrium.ts QUIET_RANGE, spread.ts narrowestRange) on days
// the bench does not score: days of the 2023 history year of each quiet scenario's calendar,
// learnt as scored days learn (calendarKnowledge: the 20 business days before each), never a
// day from 2024-01-02 on. Step one (`gather`) runs Atrium alone on those days and keeps, for
// every served customer's prediction at ticket issue, the Monte Carlo runs behind it, the
// number waiting and the realised wait; step two (`report`) replays the range rules on the
// kept runs, so a mass or a rule is judged without running the days again.
//
// Days: the calendar's business days of 2023 from the 21st on (each has 20 past days), of the
// scenario's kind; even places among them calibrate (`cal`), odd places are held out (`held`).
//   node --import tsx bench/calibrate-quiet-range.ts gather <scenario> <cal|held> <count> <out.json>
//   node --import tsx bench/calibrate-quiet-range.ts report <file.json>...
// Not part of `npm run bench`; the kept runs are large (tens of MB) and never committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { atriumPredictor, QUIET_RANGE, QUIET_WAITING } from '../main/hub/estimate/atrium.js';
import { narrowestRange } from '../main/hub/estimate/spread.js';
import { calendarKnowledge } from './predictors/branch-knowledge.js';
import { runDay } from './predictors/evaluate.js';
import { relativeWidth, sortedQuantile } from './predictors/metrics.js';
import { BranchCalendar, calendarDays, SCORED_FROM, type DayKind } from './sim/calendar.js';
import { loadScenarios } from './sim/scenario.js';

export interface QuietRow {
  date: string;
  /** Tickets waiting at the moment, the asked-about one included. */
  waiting: number;
  /** The runs' call times of the ticket, minutes, to 0.01. */
  runs: number[];
  realised: number;
}

/** 2023 business days of `kind` with 20 business days before them: even places calibrate, odd are held out. */
export function historyDays(part: 'cal' | 'held', count: number, kind: DayKind = 'stationary'): string[] {
  const days = calendarDays(400, kind === 'stationary').filter((d) => d.date < SCORED_FROM);
  return days
    .slice(20)
    .filter((d) => d.kind === kind)
    .filter((_, i) => i % 2 === (part === 'cal' ? 0 : 1))
    .slice(0, count)
    .map((d) => d.date);
}

/** `count` of `list`, evenly spread over it (its first and last included when count ≥ 2): the days tune-atrium.ts and arrival-bias.ts run. */
export function spread<T>(list: readonly T[], count: number): T[] {
  if (count >= list.length) return [...list];
  if (count <= 1) return list.slice(0, count);
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]!);
}

function gather(name: string, part: 'cal' | 'held', count: number, out: string): void {
  const all = loadScenarios();
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  // A diagnosis, not a calibration: the same days without short breaks (QUIET_NO_BREAKS=1).
  const scenario = process.env.QUIET_NO_BREAKS ? { ...found, pauses: null } : found;
  const branch = BranchCalendar.of(scenario, all);
  const rows: QuietRow[] = [];
  const cpu0 = process.cpuUsage();
  const dates = historyDays(part, count, scenario.dayKind);
  for (const date of dates) {
    const knowledge = calendarKnowledge(branch, date);
    const atrium = atriumPredictor({ ...knowledge, utcOffsetMinutes: 0 });
    const kept = new Map<string, { waiting: number; runs: number[] }>();
    const day = runDay(scenario, 0, branch.world({ date, kind: scenario.dayKind }), () => [
      {
        name: 'atrium',
        predict: (state, now) => {
          const runs = atrium.runs(state, now) ?? new Map<string, number[]>();
          for (const [id, list] of runs) kept.set(`${id}@${now}`, { waiting: runs.size, runs: list.map((x) => Math.round(x * 100) / 100) });
          // Only the moment matters here; the range is replayed in `report`.
          return Object.fromEntries([...runs.keys()].map((id) => [id, { minutes: 0, low: 0, high: 0 }]));
        },
      },
    ]);
    for (const p of day.predictions) {
      if (p.moment !== 'issue' || p.result !== 'served') continue;
      const k = kept.get(`${p.ticket}@${p.at}`)!;
      rows.push({ date, waiting: k.waiting, runs: k.runs, realised: p.realised });
    }
  }
  const cpu = process.cpuUsage(cpu0);
  writeFileSync(out, JSON.stringify({ scenario: name, part, dates, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows }));
  console.log(`${name} ${part}: ${count} days, ${rows.length} predictions, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
}

/** Runs that all call at once: a counter is idle and can call the ticket now (its range is 0–1). */
export const atOnce = (r: QuietRow): boolean => r.runs.every((x) => x === 0);

export interface Figures {
  n: number;
  /** Share of realised waits inside the range. */
  held: number;
  /** Relative width (bench/predictors/metrics.ts: (high − low) / max(estimate, 1 min)), median and p90. */
  median: number;
  p90: number;
}

function figures(rows: readonly QuietRow[], mass: number): Figures {
  const es = rows.map((r) => ({ r, e: narrowestRange(r.runs, mass) }));
  const held = es.filter(({ r, e }) => r.realised >= e.low && r.realised <= e.high).length / Math.max(1, es.length);
  const w = es.map(({ e }) => relativeWidth({ predicted: e.minutes, low: e.low, high: e.high })).sort((a, b) => a - b);
  return { n: rows.length, held, median: w.length > 0 ? sortedQuantile(w, 0.5) : NaN, p90: w.length > 0 ? sortedQuantile(w, 0.9) : NaN };
}

/**
 * The quiet range of `mass` replayed on kept predictions (those with at most QUIET_WAITING
 * waiting, as the hub prints them): over all of them, as the bench scores it, and apart over
 * those called at once and those who wait.
 */
export function quietFigures(rows: readonly QuietRow[], mass: number): { all: Figures; atOnce: Figures; waiting: Figures } {
  const quiet = rows.filter((r) => r.waiting <= QUIET_WAITING);
  return { all: figures(quiet, mass), atOnce: figures(quiet.filter(atOnce), mass), waiting: figures(quiet.filter((r) => !atOnce(r)), mass) };
}

const show = (f: Figures): string => `${(f.held * 100).toFixed(1)}% held, width ${f.median.toFixed(2)} / ${f.p90.toFixed(2)} (n ${f.n})`;

function report(files: string[], masses: number[]): void {
  for (const f of files) {
    const data = JSON.parse(readFileSync(f, 'utf8')) as { scenario: string; part: string; dates: string[]; rows: QuietRow[] };
    console.log(`${data.scenario} ${data.part} (${data.dates[0]} … ${data.dates.at(-1)}, ${data.dates.length} days): ${data.rows.length} predictions at issue`);
    for (const mass of masses) {
      const q = quietFigures(data.rows, mass);
      console.log(`  mass ${mass}: all ${show(q.all)}; called at once ${show(q.atOnce)}; who wait ${show(q.waiting)}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'gather') gather(args[0]!, args[1] as 'cal' | 'held', Number(args[2]), args[3]!);
  else if (mode === 'report') report(args, (process.env.MASSES ?? `${QUIET_RANGE.mass}`).split(',').map(Number));
  else console.error('usage: gather <scenario> <cal|held> <count> <out.json> | report <file.json>...');
}
