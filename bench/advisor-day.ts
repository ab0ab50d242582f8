// One day of the advisor bench (bench/advisor.ts): the same simulated day in a lobby that
// follows the advisor and in one that does not. What the following lobby may do, and the
// score, are written at the top of bench/advisor.ts; the code that does it is here, so that
// a worker process (advisor-worker.ts) can run days side by side.
import type { Scenario } from './sim/scenario.js';
import { BranchSimulator } from './sim/simulator.js';
import { Random } from './sim/random.js';
import { drawWorld, MINUTE } from './sim/world.js';
import type { BranchCalendar } from './sim/calendar.js';
import { atriumPredictor } from '../main/hub/estimate/index.js';
import { calendarKnowledge } from './predictors/branch-knowledge.js';
import { commandsOf, evaluate } from '../main/hub/watch/advisor.js';
import type { AdviceAction } from '../main/common/advisor.js';

export const LIMIT_MINUTES = 30;
/** The flexible teller's counter and id; their counter time a day at most; back after this long without a warning. */
const FLEX = '99';
const FLEX_STAFF = 'flex-teller';
export const FLEX_MINUTES = 240;
const RELEASE_MINUTES = 30;
export const EVERY_MINUTES = 5;
/** A counter the advice switched keeps its services this long. */
const HOLD_MINUTES = 60;
/** Moves followed at one update at most (the hub re-evaluates after each). */
export const MOVES_PER_UPDATE = 3;

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

/** What the following lobby did on a day (sums, so that days from worker processes add up). */
export interface DayStats {
  /** Evaluations: their count, total and largest wall-clock time (ms). */
  evals: number;
  msSum: number;
  msMax: number;
  moves: Record<AdviceAction['kind'], number>;
  flexMinutes: number;
  invited: number;
  selfService: number;
}

export const noStats = (): DayStats => ({ evals: 0, msSum: 0, msMax: 0, moves: { open: 0, switch: 0, resume: 0, divert: 0 }, flexMinutes: 0, invited: 0, selfService: 0 });

/**
 * Whether an invited customer takes the self-service machine: one in four (DIVERT_ACCEPT), drawn
 * per customer and day (asked again, the same answer), and never an older customer: the
 * regulator's 适老化 guidance asks branches not to push them to machines, so the manager does not.
 */
// The world's answer; the advisor judges its move with its own assumption (ADVISOR.divertAcceptShare).
export const DIVERT_ACCEPT = 0.25;
function accepts(seed: number, customer: { id: string; older: boolean } | undefined): boolean {
  if (!customer || customer.older) return false;
  // The customer's own stream (seeded by the day and the ticket), so the answer does not depend on when they are asked.
  let h = seed >>> 0;
  for (const ch of customer.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return new Random(h).uniform() < DIVERT_ACCEPT;
}

function runDay(scenario: Scenario, branch: BranchCalendar, seed: number, date: string, advised: boolean, stats: DayStats): { n: number; over: number } {
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
              stats.evals++;
              stats.msSum += e.ms;
              stats.msMax = Math.max(stats.msMax, e.ms);
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

/** One day's result: customers, and those past the limit without and with the advice. */
export interface AdvisorDay {
  date: string;
  n: number;
  overWithout: number;
  overWith: number;
  stats: DayStats;
}

/** The same day in both lobbies (the world is drawn from the seed, so both see the same customers). */
export function advisorDay(scenario: Scenario, branch: BranchCalendar, seed: number, date: string): AdvisorDay {
  const stats = noStats();
  const without = runDay(scenario, branch, seed, date, false, stats);
  const advised = runDay(scenario, branch, seed, date, true, stats);
  return { date, n: without.n, overWithout: without.over, overWith: advised.over, stats };
}
