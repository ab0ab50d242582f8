// Runs a scenario's days with every predictor watching: at each ticket issue and at each
// screen update every predictor predicts, and each prediction is later scored against the
// wait that ticket really had (from that moment to its call).
import type { Estimate, Priority } from '../../main/common/domain.js';
import type { WaitPredictor } from '../../main/hub/estimate/index.js';
import type { Scenario } from '../sim/scenario.js';
import { BranchSimulator, type Outcome } from '../sim/simulator.js';
import { drawWorld, MINUTE, type World } from '../sim/world.js';

export type Moment = 'issue' | 'update';

export interface Prediction {
  predictor: string;
  moment: Moment;
  ticket: string;
  day: number;
  priority: Priority;
  /** Hour of the day the prediction was made (9 = 09:00–09:59). */
  hour: number;
  at: number;
  minutes: number;
  low: number;
  high: number;
  /** From `at` to the call; filled in once the day is over. */
  realised: number;
  result: Outcome['result'];
  /** Whether the ticket waited at all (for the validation's "delayed customers"). */
  delayed: boolean;
}

export interface DayRun {
  predictions: Prediction[];
  customers: number;
  served: number;
  noShows: number;
  unserved: number;
  meanServedWait: number;
  simMs: number;
  predictMs: Record<string, number>;
}

export type PredictorSet = (sim: () => BranchSimulator, day: number) => WaitPredictor[];

/** `seedOrWorld`: a seed to draw the day from, or the day already drawn (a calendar's). */
export function runDay(scenario: Scenario, day: number, seedOrWorld: number | World, makePredictors: PredictorSet): DayRun {
  const world = typeof seedOrWorld === 'number' ? drawWorld(scenario, seedOrWorld) : seedOrWorld;
  const scoredFrom = world.openAt + scenario.warmupMinutes * MINUTE;
  const raw: Omit<Prediction, 'realised' | 'result' | 'delayed'>[] = [];
  const predictMs: Record<string, number> = {};
  let predictors: WaitPredictor[] = [];

  const predictAll = (sim: BranchSimulator, moment: Moment, only: string | null): void => {
    if (sim.now < scoredFrom) return;
    const hour = new Date(sim.now).getUTCHours();
    for (const p of predictors) {
      const t0 = performance.now();
      const est: Record<string, Estimate> = p.predict(sim.state, sim.now);
      predictMs[p.name] = (predictMs[p.name] ?? 0) + performance.now() - t0;
      for (const [ticket, e] of Object.entries(est)) {
        if (only !== null && ticket !== only) continue;
        raw.push({ predictor: p.name, moment, ticket, day, priority: sim.state.tickets[ticket]!.priority, hour, at: sim.now, minutes: e.minutes, low: e.low, high: e.high });
      }
    }
  };

  const t0 = performance.now();
  const sim = BranchSimulator.forDay(world, {
    onIssue: (s, id) => predictAll(s, 'issue', id),
    onUpdate: (s) => predictAll(s, 'update', null),
  });
  predictors = makePredictors(() => sim, day);
  sim.run();
  const simMs = performance.now() - t0 - Object.values(predictMs).reduce((a, b) => a + b, 0);

  const outcomes = sim.outcomes;
  const predictions: Prediction[] = raw.map((r) => {
    const o = outcomes.get(r.ticket)!;
    const end = o.calledAt ?? sim.now;
    return { ...r, realised: (end - r.at) / MINUTE, result: o.result, delayed: end > o.issuedAt };
  });
  const all = [...outcomes.values()];
  const served = all.filter((o) => o.result === 'served');
  return {
    predictions,
    customers: all.length,
    served: served.length,
    noShows: all.filter((o) => o.result === 'no_show').length,
    unserved: all.filter((o) => o.result === 'unserved').length,
    meanServedWait: served.reduce((a, o) => a + (o.calledAt! - o.issuedAt) / MINUTE, 0) / Math.max(1, served.length),
    simMs,
    predictMs,
  };
}
