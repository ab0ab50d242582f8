// `npm run bench -- --only=advisor`: a lobby that follows the advisor (main/hub/watch/advisor.ts)
// against one that does not, on the same simulated days (same customers, same service times,
// same breaks: the world is drawn from the day's seed before either runs).
//
// What the lobby that follows the advice may do (decision, written in the README too):
// - every 5 simulated minutes the advisor is evaluated on the simulator's live state, with
//   Atrium's Monte Carlo (24 runs) knowing what the hub knows that morning: the rota, and what it
//   learnt from the last 20 business days of the branch's calendar (calendarKnowledge, as the
//   wait predictors' bench gives it); its move is applied at once when it proposes one, and the
//   advisor is asked again, as the hub asks a moment after each change, up to 3 moves an update;
// - switch a counter's services (counter.set_services): the teller is there; a counter the
//   advice switched keeps its services for an hour;
// - call a paused counter back (counter.resume) only from a short pause: a teller at lunch is
//   not free; the rest of that break is forgone;
// - open a closed counter only with a teller who is free. Each scenario's tellers have a
//   counter of their own (a counter closed for lunch is its teller's, at lunch), so both lobbies
//   get one more person on the rota: a flexible teller (弹性柜员, back office) and a spare
//   counter serving every service, closed. Only the advice opens it, for at most 240 minutes of
//   counter time a day; the teller goes back to the back office after 30 minutes without a
//   warning (once the customer at the counter is done). The lobby that does not follow the
//   advice leaves them in the back office: the comparison is the advice's, spare capacity
//   included, and the README says so.
// - invite waiting 取款存款 customers to the self-service machines (分流): one in four of those
//   invited accepts, never an older customer (适老化: the manager does not press them); the
//   ticket of one who accepts is cancelled and the customer counts as having waited until then.
//   Nobody is invited twice. The lobby that does not follow the advice invites nobody.
// The score: the share of customers who waited past 30 minutes: called more than 30 minutes
// after issue, or gone after waiting longer than that (a never-called ticket counts up to the
// day's close). Target (issue 17): at least halved where it is above 1%, met on at least five
// scenarios; the bench exits non-zero on a miss. A scenario at or below 1% without the advisor
// meets it when the advice keeps it at or below 1%.
//
// Tuning: the advisor's rules (the next 20 minutes' customers counted, no switch away from a
// queue with people in it, the flexible teller, the invitation's six customers judged as one)
// were chosen on one day of each scenario, the last of its kind among the bench calendar's
// first 400 business days (ordinary-day, lunch-unannounced, month-end and pension-day most;
// quiet-afternoon and quiet-corporate once). A run scores the first `days` days of that kind
// from SCORED_FROM (2024-01-02), the tuning day left out: 20 by default, as the wait
// predictors' bench (issue 15), because a day's breach share swings from 8% to 45% with its
// number of customers, and 3 days (the first rule) let two scenarios of the same lobby differ
// by that alone. Each figure comes with its day-level 95% interval. Days run in worker
// processes (`--jobs=N`, default: the cores). `ATRIUM_ADVISOR_TUNING_DAY=1 npm run bench --
// --only=advisor --days=1` runs the tuning day alone.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DIVERT_ACCEPT, EVERY_MINUTES, FLEX_MINUTES, LIMIT_MINUTES, MOVES_PER_UPDATE, noStats, type AdvisorDay, type DayStats } from './advisor-day.js';
import type { AdvisorTask } from './advisor-worker.js';
import { runInWorkers } from './fork-pool.js';
import { meanInterval, type Interval } from './predictors/intervals.js';
import { calendarDays, SCORED_FROM } from './sim/calendar.js';
import { loadScenarios, SCENARIO_DIR, type Scenario } from './sim/scenario.js';
import type { BenchResult } from './stats.js';

const DEFAULT_DAYS = 20;
/** The tuning day is the last of its kind in this many business days of the calendar (the rule since the advisor was tuned). */
const TUNING_CALENDAR = 400;
const WORKER = path.join(import.meta.dirname, 'advisor-worker.ts');

export interface AdvisorRow {
  name: string;
  days: number;
  customers: number;
  breachShareWithout: number;
  breachShareWith: number;
  /** Day-level 95% intervals (mean of the days' shares ± half-width), and of each day's reduction (without − with). */
  dayShareWithout: { mean: number; halfWidth: number };
  dayShareWith: { mean: number; halfWidth: number };
  dayReduction: { mean: number; halfWidth: number };
  /** Each day: its date, customers, and shares past the limit without and with the advice. */
  byDay: { date: string; customers: number; without: number; with: number }[];
  /** Moves applied in the days that followed the advice, by kind. */
  moves: DayStats['moves'];
  /** Customers invited to self-service a day, and of them those who went (the rest kept their tickets). */
  invitedPerDay: number;
  selfServicePerDay: number;
  /** Minutes a day the flexible teller spent at the counter in the lobby that followed the advice. */
  flexMinutesPerDay: number;
  /** Mean and largest wall-clock time of one evaluation (ms). */
  evalMsMean: number;
  evalMsMax: number;
  met: boolean;
}

/** The days a scenario is scored on: `days` of its kind from SCORED_FROM, its tuning day left out (or the tuning day alone). */
export function advisorDates(scenario: Scenario, days: number, tuningDayOnly = false): string[] {
  const stationary = scenario.dayKind === 'stationary';
  const ofKind = (n: number): string[] => calendarDays(n, stationary).filter((d) => stationary || d.kind === scenario.dayKind).map((d) => d.date);
  const tuning = ofKind(TUNING_CALENDAR).at(-1)!;
  if (tuningDayOnly) return [tuning];
  for (let n = TUNING_CALENDAR; ; n *= 2) {
    const held = ofKind(n).filter((d) => d >= SCORED_FROM && d !== tuning);
    if (held.length >= days) return held.slice(0, days);
  }
}

const interval = (x: Interval): { mean: number; halfWidth: number } => ({ mean: round(x.mean), halfWidth: round(x.halfWidth) });

function rowOf(scenario: string, results: AdvisorDay[]): AdvisorRow {
  const stats = noStats();
  let n = 0;
  let without = 0;
  let withAdvice = 0;
  for (const d of results) {
    n += d.n;
    without += d.overWithout;
    withAdvice += d.overWith;
    stats.evals += d.stats.evals;
    stats.msSum += d.stats.msSum;
    stats.msMax = Math.max(stats.msMax, d.stats.msMax);
    for (const k of Object.keys(stats.moves) as (keyof DayStats['moves'])[]) stats.moves[k] += d.stats.moves[k];
    stats.flexMinutes += d.stats.flexMinutes;
    stats.invited += d.stats.invited;
    stats.selfService += d.stats.selfService;
  }
  const shareWithout = without / Math.max(1, n);
  const shareWith = withAdvice / Math.max(1, n);
  const byDay = results.map((d) => ({ date: d.date, customers: d.n, without: round(d.overWithout / Math.max(1, d.n)), with: round(d.overWith / Math.max(1, d.n)) }));
  const perDay = (x: number): number => round(x / Math.max(1, results.length), 1);
  return {
    name: scenario,
    days: results.length,
    customers: n,
    breachShareWithout: round(shareWithout),
    breachShareWith: round(shareWith),
    dayShareWithout: interval(meanInterval(byDay.map((d) => d.without))),
    dayShareWith: interval(meanInterval(byDay.map((d) => d.with))),
    dayReduction: interval(meanInterval(byDay.map((d) => d.without - d.with))),
    byDay,
    moves: stats.moves,
    invitedPerDay: perDay(stats.invited),
    selfServicePerDay: perDay(stats.selfService),
    flexMinutesPerDay: Math.round(stats.flexMinutes / Math.max(1, results.length)),
    evalMsMean: round(stats.msSum / Math.max(1, stats.evals), 1),
    evalMsMax: round(stats.msMax, 1),
    met: shareWithout > 0.01 ? shareWith <= shareWithout / 2 : shareWith <= 0.01,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export async function benchAdvisor(options: { days?: number; only?: string[]; quick?: boolean; jobs?: number } = {}): Promise<BenchResult & { scenarios: AdvisorRow[]; missed: string[] }> {
  const days = options.days ?? (options.quick ? 1 : DEFAULT_DAYS);
  const scenarios = loadScenarios(SCENARIO_DIR).filter((s) => !options.only || options.only.includes(s.name));
  const tasks: AdvisorTask[] = scenarios.flatMap((s) => advisorDates(s, days, Boolean(process.env.ATRIUM_ADVISOR_TUNING_DAY)).map((date) => ({ scenario: s.name, date })));
  const results = await runInWorkers<AdvisorTask, AdvisorDay>(WORKER, tasks, options.jobs ?? availableParallelism(), (t, r, done) =>
    console.log(`advisor ${t.scenario} ${t.date}: ${r.n} customers, ${pct(r.overWithout / Math.max(1, r.n))} → ${pct(r.overWith / Math.max(1, r.n))} past ${LIMIT_MINUTES} min (${done} of ${tasks.length})`),
  );
  const rows = scenarios.map((s) => rowOf(s.name, results.filter((_, i) => tasks[i]!.scenario === s.name)));
  for (const r of rows) {
    const ci = (x: { mean: number; halfWidth: number }): string => `${pct(x.mean)} ± ${pct(x.halfWidth)}`;
    console.log(`advisor ${r.name}: ${pct(r.breachShareWithout)} → ${pct(r.breachShareWith)} past ${LIMIT_MINUTES} min over ${r.days} days (a day: ${ci(r.dayShareWithout)} → ${ci(r.dayShareWith)}), moves ${JSON.stringify(r.moves)}, ${r.selfServicePerDay} of ${r.invitedPerDay} invited a day went to self-service`);
  }
  const metCount = rows.filter((r) => r.met).length;
  const halvedCount = rows.filter((r) => r.breachShareWithout > 0.01 && r.met).length;
  const missed: string[] = [];
  if (metCount < 5 && !options.quick) missed.push(`target missed: advisor met the target on ${metCount} scenarios, fewer than 5 (${rows.filter((r) => !r.met).map((r) => r.name).join(', ')})`);
  const summary = `advisor: target met on ${metCount}/${rows.length} scenarios (halved on ${halvedCount} of the ${rows.filter((r) => r.breachShareWithout > 0.01).length} above 1%)`;
  console.log(summary);
  return {
    name: 'advisor',
    description: `Share of customers who waited past ${LIMIT_MINUTES} min (called later, or gone after waiting longer), in a lobby that follows the advisor (evaluated every ${EVERY_MINUTES} simulated minutes with the hub's knowledge, up to ${MOVES_PER_UPDATE} moves an update; switches, short pauses called back, waiting 取款存款 customers invited to self-service (one in ${Math.round(1 / DIVERT_ACCEPT)} accepts, never an older customer), and a flexible teller's spare counter for at most ${FLEX_MINUTES} min a day) and one that does not, same days; ${days} held-out day(s) per scenario, each figure with its day-level 95% interval. ${summary}.`,
    figures: Object.fromEntries(rows.flatMap((r) => [[`${r.name} without`, r.breachShareWithout], [`${r.name} with`, r.breachShareWith]])),
    scenarios: rows,
    summary,
    missed,
  } as BenchResult & { scenarios: AdvisorRow[]; missed: string[]; summary: string };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
