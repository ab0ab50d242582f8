// The oracle: Monte Carlo of the rest of the day from the exact state. It knows what the hub
// cannot: each waiting customer's business (not just the service), who has already left,
// how long each job in progress has run, the rota (lunch times; when each short break is
// due, within its jitter), the arrival profile and the true distributions. It does not know
// the future random draws: each run redraws every service time still to come (conditioned
// on the time already spent), the patience of everyone still waiting, the walks (given how
// long they have lasted), the short breaks still to come (their time around the rota's,
// their length) and the end of one in progress (given its length so far), the day's factor
// on arrivals (from its posterior given today's arrivals so far) and all later arrivals; and
// the run is the branch simulator itself, so the dispatch policy is the engine's. Its point
// is the median of its runs (at least 50); its Monte Carlo standard error is kept (`noise`).
//
// It predicts through the same WaitPredictor.predict(state, now) shape; the ground truth
// comes through its own interface, given when it is made.
import type { Estimate, LobbyState } from '../../main/common/domain.js';
import type { WaitPredictor } from '../../main/hub/estimate/index.js';
import { normalCdf } from '../../main/hub/estimate/sampling.js';
import { drawGiven, draw, type Duration } from '../sim/distributions.js';
import type { Scenario } from '../sim/scenario.js';
import { Random } from '../sim/random.js';
import type { BranchSimulator, Redraw } from '../sim/simulator.js';
import { BREAK_JITTER_MINUTES, drawArrivalTimes, drawCustomer, expectedArrivals, flowPerDay, MINUTE, type CounterPlan, type SimCustomer } from '../sim/world.js';

/** The simulator's ground truth at the moment of a prediction. */
export interface GroundTruth {
  current(): BranchSimulator;
}

/**
 * What the oracle may know of each customer. `all`: the simulator's truth. `hub`: only what
 * the hub could know (the service, not the business within it; not who has left, only how
 * likely that is after the wait so far), with the same rota, profile and distributions: the
 * floor for any predictor that runs in the hub.
 */
export type OracleKnowledge = 'all' | 'hub';

/**
 * A business within the customer's service, weighted by its share and by the chance of lasting
 * `elapsed`; of the ticket's kiosk choice when it has one (the hub sees the choice on the
 * ticket; a customer without one took a generic tile, whatever their business).
 */
function guessDuration(sc: Scenario, c: SimCustomer, elapsed: number, random: Random): Duration {
  const options = sc.kinds.flatMap((k) =>
    k.service !== c.service || (c.choice !== null && k.choice !== c.choice)
      ? []
      : [false, true].map((older) => {
          const mean = k.meanMinutes * (older ? sc.older.factor : 1);
          const d: Duration = { kind: sc.distribution, meanMinutes: mean, cv: sc.distribution === 'exponential' ? 1 : k.cv };
          return { d, weight: k.share * (older ? sc.older.share : 1 - sc.older.share) * survival(d, elapsed) };
        }),
  );
  return options[random.pick(options.map((o) => o.weight))]!.d;
}

function survival(d: Duration, elapsed: number): number {
  if (elapsed <= 0) return 1;
  if (d.kind === 'exponential') return Math.exp(-elapsed / d.meanMinutes);
  const sigma2 = Math.log(1 + d.cv * d.cv);
  return 1 - normalCdf((Math.log(elapsed) - (Math.log(d.meanMinutes) - sigma2 / 2)) / Math.sqrt(sigma2));
}

/**
 * Today's factor on arrivals, drawn from its posterior: the factor is Gamma(k, k) with
 * k = 1/CV², today's flow so far is Poisson with mean factor × what the profile expects by
 * now, so the posterior is Gamma(k + arrived, k + expected). Known to the hub too (it counts
 * its tickets), so both oracles use it.
 */
function dayFactorDraw(sim: BranchSimulator, random: Random): number {
  const cv = sim.scenario.dayFactorCv;
  if (cv <= 0) return 1;
  const k = 1 / (cv * cv);
  const arrived = Math.max(0, sim.outcomes.size - sim.crowd);
  const expected = expectedArrivals(sim.scenario, sim.openAt, sim.openAt, Math.min(sim.now, sim.closeAt), flowPerDay(sim.scenario));
  return random.gamma(k + arrived) / (k + expected);
}

function redrawFor(sim: BranchSimulator, random: Random, knowledge: OracleKnowledge): Redraw {
  const sc = sim.scenario;
  let next = 0;
  const factor = dayFactorDraw(sim, random);
  const pauses = sc.pauses;
  const breakMinutes = (elapsed: number): number => (pauses ? random.between(Math.min(pauses.maxMinutes, Math.max(pauses.minMinutes, elapsed)), pauses.maxMinutes) : elapsed);
  const durationOf = (c: SimCustomer, elapsed: number): Duration => (knowledge === 'all' ? c.duration : guessDuration(sc, c, elapsed, random));
  return {
    serviceMinutes: (c, elapsed) => (elapsed > 0 ? drawGiven(durationOf(c, elapsed), elapsed, random) : draw(durationOf(c, 0), random)),
    hasLeft: (_c, waited, left) =>
      knowledge === 'all' ? left : sc.patienceMeanMinutes !== null && random.uniform() < 1 - Math.exp(-waited / sc.patienceMeanMinutes),
    remainingPatience: () => random.exponential(sc.patienceMeanMinutes ?? Number.POSITIVE_INFINITY),
    walkMinutes: (_c, elapsed) => random.between(Math.min(sc.walkMinutes[1], Math.max(sc.walkMinutes[0], elapsed)), sc.walkMinutes[1]),
    plan: (plan: CounterPlan, now: number): CounterPlan => {
      if (plan.endAt !== null) return plan;
      const jitter = BREAK_JITTER_MINUTES * MINUTE;
      const at = random.between(Math.max(now, plan.nominalAt - jitter), Math.max(now, plan.nominalAt + jitter));
      return { ...plan, at, minutes: breakMinutes(0) };
    },
    breakMinutes: (_plan, elapsed) => breakMinutes(elapsed),
    arrivals: (from, to) =>
      drawArrivalTimes(sc, random, sim.openAt, Math.min(to, sim.closeAt), from, flowPerDay(sc) * factor).map((at) => drawCustomer(sc, random, `\u0000o${next++}`, at)),
  };
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/**
 * Monte Carlo standard error of a median of n sorted runs: half the distance between the
 * order statistics n/2 ± √n/2 (a distribution-free 68% interval for the median).
 */
export function medianStandardError(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n < 2) return NaN;
  const lo = Math.max(0, Math.floor(n / 2 - Math.sqrt(n) / 2));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + Math.sqrt(n) / 2) - 1);
  return (sorted[hi]! - sorted[lo]!) / 2;
}

/** What the oracle's own noise was: the mean Monte Carlo standard error of its points. */
export interface OracleNoise {
  predictions: number;
  seSum: number;
}

export type OraclePredictor = WaitPredictor & { noise: OracleNoise };

export function oraclePredictor(truth: GroundTruth, runs: number, seed: number, knowledge: OracleKnowledge = 'all'): OraclePredictor {
  const random = new Random(seed);
  const noise: OracleNoise = { predictions: 0, seSum: 0 };
  return {
    noise,
    name: knowledge === 'all' ? 'oracle' : 'oracle-hub-info',
    predict(state: LobbyState, now: number): Record<string, Estimate> {
      const sim = truth.current();
      if (sim.now !== now || sim.state !== state) throw new Error('the oracle must predict the state the simulator is in');
      const targets = Object.values(state.tickets).filter((t) => t.status === 'waiting').map((t) => t.id);
      if (targets.length === 0) return {};
      const samples = new Map<string, number[]>(targets.map((id) => [id, []]));
      for (let r = 0; r < runs; r++) {
        let left = targets.length;
        const fork = sim.fork(redrawFor(sim, new Random(random.fork()), knowledge), {
          onCall: (_s, id) => {
            const list = samples.get(id);
            if (!list) return;
            list.push((_s.now - now) / MINUTE);
            left--;
          },
        });
        fork.run(() => left === 0);
        // A target nobody ever called (no counter for it): it waited until the run ended.
        for (const list of samples.values()) if (list.length <= r) list.push((fork.now - now) / MINUTE);
      }
      const out: Record<string, Estimate> = {};
      for (const [id, list] of samples) {
        list.sort((a, b) => a - b);
        // The median: the point that minimises the expected absolute error, which the bench scores.
        const r1 = (x: number) => Math.round(x * 10) / 10;
        out[id] = { minutes: r1(quantile(list, 0.5)), low: r1(quantile(list, 0.1)), high: r1(quantile(list, 0.9)) };
        const se = medianStandardError(list);
        if (Number.isFinite(se)) {
          noise.predictions++;
          noise.seSum += se;
        }
      }
      return out;
    },
  };
}
