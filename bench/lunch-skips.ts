// How the simulator takes the rota's lunches (round nine): on simulated 2023 days of each
// scenario with a lunch, how many lunches were taken, how many were dropped and why (the
// counter was not open, or a short break was pending), and when those taken began and ended.
// The simulator alone, no predictor: a few seconds a scenario. Not part of `npm run bench`.
//   node --import tsx bench/lunch-skips.ts [scenario,… or ""] [days a scenario, default 60] [seeds]
// Days: the 2023 history days of the scenario's kind (at most 60 ordinary, 9 month-ends, 11
// pension days), or with `seeds` the scenario's own days drawn from seeds 1, 2, … (drawWorld).
import { historyDays } from './calibrate-quiet-range.js';
import { BranchCalendar } from './sim/calendar.js';
import { loadScenarios } from './sim/scenario.js';
import { BranchSimulator } from './sim/simulator.js';
import { drawWorld, MINUTE, type CounterPlan, type World } from './sim/world.js';

const only = process.argv[2] ? process.argv[2].split(',') : undefined;
const count = Number(process.argv[3] ?? 60);
const seeded = process.argv[4] === 'seeds';

interface Tally {
  planned: number;
  taken: number;
  dropped: { paused: number; closed: number; pending: number };
  lateMinutes: number[];
  lengthMinutes: number[];
  /** Lunches shorter than half the rota's window (a customer served far into it). */
  short: number;
}

let tally: Tally;
type Private = { closeAt: number; state: BranchSimulator['state']; now: number; pendingPlan: Map<string, CounterPlan>; planEnds: Map<string, number> };
const closeOf = (sim: Private): number => sim.closeAt;
const proto = BranchSimulator.prototype as unknown as Record<string, (this: Private, ...args: unknown[]) => void>;
const planStart = proto.planStart!;
const applyPlan = proto.applyPlan!;
proto.planStart = function (this: Private, plan: unknown) {
  const p = plan as CounterPlan;
  if (p.reason === 'lunch') {
    tally.planned++;
    const c = this.state.counters[p.counter];
    // Where a lunch came due while the counter was not open or had a stop pending (before closing):
    // the simulator of rounds one to eight dropped it then.
    if (this.now < closeOf(this) && c !== undefined) {
      if (this.pendingPlan.has(p.counter)) tally.dropped.pending++;
      else if (c.status === 'paused') tally.dropped.paused++;
      else if (c.status === 'closed') tally.dropped.closed++;
    }
    planStart.call(this, plan);
    return;
  }
  planStart.call(this, plan);
};
proto.applyPlan = function (this: Private, counter: unknown) {
  const p = this.pendingPlan.get(counter as string)!;
  applyPlan.call(this, counter);
  if (p.reason === 'lunch') {
    tally.taken++;
    tally.lateMinutes.push((this.now - p.at) / MINUTE);
    tally.lengthMinutes.push((this.planEnds.get(counter as string)! - this.now) / MINUTE);
    if (this.planEnds.get(counter as string)! - this.now < (p.endAt! - p.at) / 2) tally.short++;
  }
};

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const all = loadScenarios();
for (const scenario of all) {
  if (!scenario.lunch || (only && !only.includes(scenario.name))) continue;
  tally = { planned: 0, taken: 0, dropped: { paused: 0, closed: 0, pending: 0 }, lateMinutes: [], lengthMinutes: [], short: 0 };
  const branch = BranchCalendar.of(scenario, all);
  const dates = [...historyDays('cal', count, scenario.dayKind), ...historyDays('held', count, scenario.dayKind)].sort().slice(0, count);
  const worlds: World[] = seeded ? Array.from({ length: count }, (_, i) => drawWorld(scenario, i + 1)) : dates.map((date) => branch.world({ date, kind: scenario.dayKind }));
  for (const world of worlds) BranchSimulator.forDay(world).run();
  const late = tally.lateMinutes.filter((m) => m > 0);
  console.log(
    `${scenario.name.padEnd(18)} ${worlds.length} ${seeded ? 'seeded' : '2023'} days: lunches planned ${tally.planned}, taken ${tally.taken}, dropped ${tally.planned - tally.taken}` +
      ` (due while the counter was paused ${tally.dropped.paused}, closed ${tally.dropped.closed}, break pending ${tally.dropped.pending});` +
      ` started late ${late.length} (mean ${mean(late).toFixed(1)} min, max ${Math.max(0, ...late).toFixed(1)}); length mean ${mean(tally.lengthMinutes).toFixed(1)} min, min ${Math.min(...tally.lengthMinutes).toFixed(1)}, under half the rota's ${tally.short}`,
  );
}
