// Where Atrium's error on unscored days comes from (bench/README.md round ten: no systematic
// over-estimate; the door crowd counted twice by the quarter-hour profile): on unscored 2023 days
// (`cal`/`held` as bench/tune-atrium.ts), Atrium (knows rota, profile, history) at ticket issue,
// served customers, its bias decomposed by hour of issue, service, priority and queue position;
// and, at every issue, the later arrivals the forward runs assume over the next 60 minutes
// (the learnt profile scaled by today, and the mean of 400 Poisson-noise draws of it,
// arrival-noise.ts) beside the customers who really came in those 60 minutes.
//   node --import tsx bench/arrival-bias.ts <scenario> <cal|held|dates,…> <days>
import { atriumPredictor } from '../main/hub/estimate/index.js';
import { profileArrivalRates } from '../main/hub/estimate/arrival-profile.js';
import { noisyArrivals } from '../main/hub/estimate/arrival-noise.js';
import { seededRandom, standardNormal } from '../main/hub/estimate/sampling.js';
import { historyDays, spread } from './calibrate-quiet-range.js';
import { calendarKnowledge } from './predictors/branch-knowledge.js';
import { runDay } from './predictors/evaluate.js';
import { BranchCalendar } from './sim/calendar.js';
import { loadScenarios } from './sim/scenario.js';

const [name, which, count] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 5)];
const all = loadScenarios();
const scenario = all.find((s) => s.name === name)!;
const branch = BranchCalendar.of(scenario, all);
const list = historyDays(which === 'held' ? 'held' : 'cal', 1000, scenario.dayKind);
const dates = /^\d{4}-/.test(which) ? which.split(',') : spread(list, count);
const MINUTE = 60_000;

/** Minutes since opening in quarter hours for the first two hours, else the hour of the day. */
const quarterOf = (at: number, openAt: number): string => {
  const since = (at - openAt) / MINUTE;
  return since < 120 ? `+${Math.floor(since / 15) * 15}` : `h${new Date(at).getUTCHours()}`;
};
type Row = { date: string; hour: number; quarter: string; service: string; priority: string; position: number; err: number };
const rows: Row[] = [];
const flow: { date: string; hour: number; quarter: string; profile: number; noisy: number; real: number; p15: number; r15: number }[] = [];

for (const [d, date] of dates.entries()) {
  const world = branch.world({ date, kind: scenario.dayKind });
  const k = calendarKnowledge(branch, date);
  const meta = new Map<string, { service: string; priority: string; position: number }>();
  const day = runDay(scenario, d, world, () => [
    atriumPredictor({ utcOffsetMinutes: 0, rota: k.rota, arrivalProfile: k.arrivalProfile, history: k.history }),
    {
      name: 'probe',
      predict: (state, now) => {
        const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
        const newest = waiting.reduce((a, b) => (b.issuedAt > (a?.issuedAt ?? -1) ? b : a), waiting[0]);
        if (newest && newest.issuedAt === now && !meta.has(newest.id)) {
          meta.set(newest.id, { service: newest.service, priority: newest.priority, position: waiting.length });
          const rates = profileArrivalRates(k.arrivalProfile, state, now, 60, 0);
          const profile = rates.reduce((a, r) => a + r.arrivedBy!(60), 0);
          const uniform = seededRandom(now >>> 0);
          let noisy = 0;
          for (let i = 0; i < 400; i++) noisy += noisyArrivals(rates, 60, () => standardNormal(uniform)).reduce((a, r) => a + r.arrivedBy!(60), 0) / 400;
          const real = world.customers.filter((c) => c.arrivalAt > now && c.arrivalAt <= now + 60 * MINUTE).length;
          const p15 = rates.reduce((a, r) => a + r.arrivedBy!(15), 0);
          const r15 = world.customers.filter((c) => c.arrivalAt > now && c.arrivalAt <= now + 15 * MINUTE).length;
          flow.push({ date, hour: new Date(now).getUTCHours(), quarter: quarterOf(now, world.openAt), profile, noisy, real, p15, r15 });
        }
        return {};
      },
    },
  ]);
  for (const p of day.predictions) {
    if (p.predictor !== 'atrium' || p.moment !== 'issue' || p.result !== 'served' || !(scenario.warmupMinutes === 0 || p.delayed)) continue;
    const m = meta.get(p.ticket);
    if (m) rows.push({ date, hour: p.hour, quarter: quarterOf(p.at, world.openAt), ...m, err: p.minutes - p.realised });
  }
}

function table<T>(title: string, key: (r: T) => string, xs: T[], f: (g: T[]) => string): void {
  console.log(`-- ${title}`);
  const groups = new Map<string, T[]>();
  for (const r of xs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const [g, v] of [...groups].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))) console.log(`  ${g.padEnd(14)} n ${String(v.length).padStart(5)}  ${f(v)}`);
}
const bias = (g: Row[]): string => `bias ${(g.reduce((a, r) => a + r.err, 0) / g.length).toFixed(2)}  MAE ${(g.reduce((a, r) => a + Math.abs(r.err), 0) / g.length).toFixed(2)}`;
console.log(`${name} ${which} ${dates.join(',')}`);
table('all', () => 'all', rows, bias);
table('since opening / hour', (r) => r.quarter, rows, bias);
table('service', (r) => r.service, rows, bias);
table('priority', (r) => r.priority, rows, bias);
table('waiting at issue', (r) => (r.position <= 5 ? '0-5' : r.position <= 15 ? '6-15' : r.position <= 30 ? '16-30' : r.position <= 60 ? '31-60' : '61+'), rows, bias);
const mean = (g: typeof flow, f: (x: (typeof flow)[number]) => number): string => (g.reduce((a, x) => a + f(x), 0) / g.length).toFixed(1);
table('arrivals next 60 min: profile / noisy draws / real', (x) => x.quarter, flow, (g) => `${mean(g, (x) => x.profile)} / ${mean(g, (x) => x.noisy)} / ${mean(g, (x) => x.real)}`);
table('arrivals next 60 min, all', () => 'all', flow, (g) => `${mean(g, (x) => x.profile)} / ${mean(g, (x) => x.noisy)} / ${mean(g, (x) => x.real)}`);
table('arrivals next 15 min: profile / real', (x) => x.quarter, flow, (g) => `${mean(g, (x) => x.p15)} / ${mean(g, (x) => x.r15)}`);
// Day by day: Atrium's bias beside how many more customers the runs assumed in the next hour than came.
console.log('-- day by day: bias / assumed − real arrivals in the next 60 min (mean over issues)');
for (const date of dates) {
  const r = rows.filter((x) => x.date === date);
  const f = flow.filter((x) => x.date === date);
  console.log(`  ${date} n ${r.length} ${bias(r)}  arrivals ${mean(f, (x) => x.noisy - x.real)}`);
}
