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
// were chosen on one day of each scenario, the last of its kind in the bench calendar
// (ordinary-day, lunch-unannounced, month-end and pension-day most; quiet-afternoon and
// quiet-corporate once); every run scores the `days` days of that kind before it, which tuned
// nothing. `ATRIUM_ADVISOR_TUNING_DAY=1 npm run bench -- --only=advisor --days=1` runs the
// tuning day alone.
import type { Scenario } from './sim/scenario.js';
import { loadScenarios, SCENARIO_DIR } from './sim/scenario.js';
import { BranchSimulator } from './sim/simulator.js';
import { Random } from './sim/random.js';
import { drawWorld, MINUTE } from './sim/world.js';
import { BranchCalendar, calendarDays, daySeed } from './sim/calendar.js';
import { atriumPredictor } from '../main/hub/estimate/index.js';
import { calendarKnowledge } from './predictors/branch-knowledge.js';
import { commandsOf, evaluate } from '../main/hub/watch/advisor.js';
import type { AdviceAction } from '../main/common/advisor.js';
import type { BenchResult } from './stats.js';

const LIMIT_MINUTES = 30;
/** The flexible teller's counter and id; their counter time a day at most; back after this long without a warning. */
const FLEX = '99';
const FLEX_STAFF = 'flex-teller';
const FLEX_MINUTES = 240;
const RELEASE_MINUTES = 30;
const EVERY_MINUTES = 5;
const DEFAULT_DAYS = 3;
/** A counter the advice switched keeps its services this long. */
const HOLD_MINUTES = 60;
/** Moves followed at one update at most (the hub re-evaluates after each). */
const MOVES_PER_UPDATE = 3;

export interface AdvisorRow {
  name: string;
  days: number;
  customers: number;
  breachShareWithout: number;
  breachShareWith: number;
  /** Moves applied in the days that followed the advice, by kind. */
  moves: Record<AdviceAction['kind'], number>;
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

/**
 * Customers who waited past the limit: called more than LIMIT_MINUTES after issue, or gone
 * after waiting longer than that (the simulator knows each customer's patience; the hub,
 * which sees only the late call of a no-show, cannot).
 */
function breaches(sim: BranchSimulator, patience: Map<string, number>): { n: number; over: number } {
  let over = 0;
  for (const o of sim.outcomes.values()) {
    // A customer gone to self-service waited until then.
    const called = (o.selfServiceAt ?? o.calledAt ?? sim.closeAt) - o.issuedAt;
    const waited = Math.min(called, (patience.get(o.ticket) ?? Number.POSITIVE_INFINITY) * MINUTE);
    if (waited > LIMIT_MINUTES * MINUTE) over++;
  }
  return { n: sim.outcomes.size, over };
}

type Stats = { ms: number[]; moves: AdvisorRow['moves']; flexMinutes: number; invited: number; selfService: number };

/**
 * Whether an invited customer takes the self-service machine: one in four (DIVERT_ACCEPT), drawn
 * per customer and day (asked again, the same answer), and never an older customer: the
 * regulator's 适老化 guidance asks branches not to push them to machines, so the manager does not.
 */
// The world's answer; the advisor judges its move with its own assumption (ADVISOR.divertAcceptShare).
const DIVERT_ACCEPT = 0.25;
function accepts(seed: number, customer: { id: string; older: boolean } | undefined): boolean {
  if (!customer || customer.older) return false;
  // The customer's own stream (seeded by the day and the ticket), so the answer does not depend on when they are asked.
  let h = seed >>> 0;
  for (const ch of customer.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return new Random(h).uniform() < DIVERT_ACCEPT;
}

function runDay(scenario: Scenario, branch: BranchCalendar, seed: number, date: string, advised: boolean, stats: Stats): { n: number; over: number } {
  // The same world in both lobbies, with the flexible teller's counter (serving every service) defined, closed.
  const base = { ...scenario, counters: [...scenario.counters, { id: FLEX, services: scenario.services.map((x) => x.code) }] };
  const world = drawWorld(advised ? { ...base, updateEveryMinutes: EVERY_MINUTES } : base, seed, date);
  // The hub's own knowledge on the morning of the day (the rota, and what it learnt from the
  // last 20 business days of the branch's calendar), as the wait predictors' bench gives it.
  const predictor = atriumPredictor({ runs: 24, utcOffsetMinutes: 0, ...(advised ? calendarKnowledge(branch, date) : {}) });
  const switched = new Map<string, number>();
  const invited = new Set<string>();
  const customers = new Map(world.customers.map((c) => [c.id, c]));
  // The flexible teller's counter: defined in both lobbies, closed; only advice opens it.
  let flexOpenedAt: number | null = null;
  let flexUsed = 0;
  let lastWarning = -Infinity;
  const sim = BranchSimulator.forDay(
    world,
    advised
      ? {
          onUpdate(s) {
            const flex = s.state.counters[FLEX];
            if (flex?.status === 'open' && flexOpenedAt !== null) {
              const used = flexUsed + (s.now - flexOpenedAt);
              // Back to the back office after RELEASE_MINUTES without a warning, or when the day's allowance is spent.
              if (s.now - lastWarning >= RELEASE_MINUTES * MINUTE || used >= FLEX_MINUTES * MINUTE) {
                flexUsed = used;
                flexOpenedAt = null;
                s.closeWhenFree(FLEX);
              }
            }
            // The hub evaluates again a moment after each change (advisor-watch.ts): after a move the
            // next advice shows at once, and a manager follows it too, up to MOVES_PER_UPDATE.
            for (let m = 0; m < MOVES_PER_UPDATE; m++) {
              const free = s.state.counters[FLEX]?.status === 'closed' && flexOpenedAt === null && flexUsed < FLEX_MINUTES * MINUTE;
              const e = evaluate(s.state, s.now, (st, at) => predictor.runs(st, at), {
                freeStaff: free ? [FLEX_STAFF] : [],
                // Only the flexible teller's counter: every other closed counter is its own teller's (at lunch).
                mayOpen: (counter) => counter === FLEX,
                // A teller at lunch is not free; one on a short pause may be called back.
                mayResume: (counter) => s.state.counters[counter]?.pauseReason !== 'lunch',
                // A counter the advice switched keeps its services for HOLD_MINUTES: switching it back
                // and forth only moves the breaches from one queue to the other.
                maySwitch: (counter) => s.now - (switched.get(counter) ?? -Infinity) >= HOLD_MINUTES * MINUTE,
                // Nobody is invited to self-service twice.
                mayInvite: (ticket) => !invited.has(ticket),
                // The bench judges the advice, not this machine's speed: every candidate is tried.
                budgetMs: Number.POSITIVE_INFINITY,
              });
              stats.ms.push(e.ms);
              if (e.advice) lastWarning = s.now;
              const action = e.advice?.action;
              if (!action) return;
              stats.moves[action.kind]++;
              if (action.kind === 'switch') switched.set(action.counter, s.now);
              if (action.kind === 'open') flexOpenedAt = s.now;
              if (action.kind === 'divert') {
                for (const id of action.tickets) {
                  invited.add(id);
                  stats.invited++;
                  if (accepts(seed, customers.get(id)) && s.toSelfService(id)) stats.selfService++;
                }
              }
              for (const c of commandsOf(action)) s.command(c);
              s.wake();
            }
          },
        }
      : {},
  );
  sim.closeWhenFree(FLEX);
  sim.run();
  stats.flexMinutes += (flexUsed + (flexOpenedAt !== null ? sim.closeAt - flexOpenedAt : 0)) / MINUTE;
  return breaches(sim, new Map(world.customers.map((c) => [c.id, c.patienceMinutes])));
}

export function benchAdvisor(options: { days?: number; only?: string[]; quick?: boolean } = {}): BenchResult & { scenarios: AdvisorRow[]; missed: string[] } {
  const days = options.days ?? (options.quick ? 1 : DEFAULT_DAYS);
  const rows: AdvisorRow[] = [];
  const standard = loadScenarios(SCENARIO_DIR);
  for (const scenario of standard) {
    if (options.only && !options.only.includes(scenario.name)) continue;
    const branch = BranchCalendar.of(scenario, standard);
    // The scenario's own kind of day from the bench calendar (a pension day on the 5th…): the
    // `days` days of that kind before the last one, which tuned the advisor (held out here).
    const kindDays = calendarDays(400, scenario.dayKind === 'stationary').filter((d) => scenario.dayKind === 'stationary' || d.kind === scenario.dayKind);
    const calendar = process.env.ATRIUM_ADVISOR_TUNING_DAY ? kindDays.slice(-1) : kindDays.slice(-(days + 1), -1);
    const stats: Stats = { ms: [], moves: { open: 0, switch: 0, resume: 0, divert: 0 }, flexMinutes: 0, invited: 0, selfService: 0 };
    let n = 0;
    let without = 0;
    let withAdvice = 0;
    for (const day of calendar) {
      const seed = daySeed(scenario.name, day.date);
      const a = runDay(scenario, branch, seed, day.date, false, stats);
      const b = runDay(scenario, branch, seed, day.date, true, stats);
      n += a.n;
      without += a.over;
      withAdvice += b.over;
    }
    const shareWithout = without / Math.max(1, n);
    const shareWith = withAdvice / Math.max(1, n);
    const met = shareWithout > 0.01 ? shareWith <= shareWithout / 2 : shareWith <= 0.01;
    const sorted = [...stats.ms].sort((x, y) => x - y);
    rows.push({
      name: scenario.name,
      days: calendar.length,
      customers: n,
      breachShareWithout: round(shareWithout),
      breachShareWith: round(shareWith),
      moves: stats.moves,
      invitedPerDay: round(stats.invited / Math.max(1, calendar.length), 1),
      selfServicePerDay: round(stats.selfService / Math.max(1, calendar.length), 1),
      flexMinutesPerDay: round(stats.flexMinutes / Math.max(1, calendar.length), 0),
      evalMsMean: round(sorted.reduce((x, y) => x + y, 0) / Math.max(1, sorted.length), 1),
      evalMsMax: round(sorted[sorted.length - 1] ?? 0, 1),
      met,
    });
    console.log(`advisor ${scenario.name}: ${(100 * shareWithout).toFixed(2)}% → ${(100 * shareWith).toFixed(2)}% past ${LIMIT_MINUTES} min (${calendar.length} days, moves ${JSON.stringify(stats.moves)}, ${stats.selfService} of ${stats.invited} invited went to self-service)`);
  }
  const metCount = rows.filter((r) => r.met).length;
  const halvedCount = rows.filter((r) => r.breachShareWithout > 0.01 && r.met).length;
  const missed: string[] = [];
  if (metCount < 5 && !options.quick) missed.push(`target missed: advisor met the target on ${metCount} scenarios, fewer than 5`);
  const summary = `advisor: target met on ${metCount}/${rows.length} scenarios (halved on ${halvedCount} of the ${rows.filter((r) => r.breachShareWithout > 0.01).length} above 1%)`;
  console.log(summary);
  return {
    name: 'advisor',
    description: `Share of customers who waited past ${LIMIT_MINUTES} min (called later, or gone after waiting longer), in a lobby that follows the advisor (evaluated every ${EVERY_MINUTES} simulated minutes with the hub's knowledge, up to ${MOVES_PER_UPDATE} moves an update; switches, short pauses called back, waiting 取款存款 customers invited to self-service (one in ${Math.round(1 / DIVERT_ACCEPT)} accepts, never an older customer), and a flexible teller's spare counter for at most ${FLEX_MINUTES} min a day) and one that does not, same days; ${days} held-out day(s) per scenario. ${summary}.`,
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
