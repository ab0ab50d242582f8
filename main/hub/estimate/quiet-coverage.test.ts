// Issue 15, point 3: in a quiet lobby the kiosk's range must be narrow where the state allows
// (median (high − low) / estimate ≤ 1.0, 90th percentile ≤ 2.0) and still hold 75–85% of real
// waits. Simulated quiet lobbies: one or two counters of one service (cash 3.5 min or corporate
// 20 min), each with a customer in progress, nobody to five waiting, and the kiosk's question
// (what a ticket issued now waits). The real wait is drawn afresh: each job in progress caught
// at a random moment (its length drawn length-biased, as a random moment falls in a long job
// more often, and its age uniform in it), then lognormal services of the configured mean and
// CV 0.8 (the estimator's prior) plus a half-minute walk, first come first served. What this
// proves: where the estimator's runs are right, its printed range holds about 80% of waits and
// is as narrow as that allows. Whether the runs are right on real days is the bench's question
// (its `quiet-…` scenarios).
//
// Widths are as the screens show them (whole minutes, widened outwards: renderer/ui/format.ts)
// over the predictions of a minute or more. Now: 81.8% held, median 0.95, p90 1.54. Before (a
// gamma band on 24 runs' mean and deviation) the same lobbies gave 83.3%, a median of 1.14 and
// a p90 of 2.02, and behind a job in progress with nobody waiting the range started at zero
// in 42% of them (95% now): the tests below fail on it (README, the quiet lobby's range).
import { describe, expect, it } from 'vitest';
import type { Estimate, LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, run, service, T0 } from '../queue/test-support.js';
import { atriumPredictor } from './atrium.js';
import { newTicketEstimate } from './new-ticket.js';
import { drawRemaining, seededRandom } from './sampling.js';

const CV = 0.8;
const WALK = 0.5;
const MEANS = { cash: 3.5, corporate: 20 } as const;
type Svc = keyof typeof MEANS;
const SEEDS = 30;

/** A lognormal service time of mean `mean` (CV 0.8); with `lengthBiased`, as a random moment finds it. */
function draw(mean: number, u: () => number, lengthBiased = false): number {
  // A lognormal's length-biased form is lognormal again, its log mean moved up by σ² = ln(1 + CV²).
  return drawRemaining(mean, CV, 0, u) * (lengthBiased ? 1 + CV * CV : 1);
}

interface Lobby {
  state: LobbyState;
  now: number;
  /** One real wait of a ticket issued now: the (waiting + 1)th call. */
  realWait: () => number;
}

function quietLobby(counters: 1 | 2, svc: Svc, waiting: number, u: () => number): Lobby {
  const ids = counters === 1 ? ['1'] : ['1', '2'];
  const mean = MEANS[svc];
  let s = run(
    initialState(),
    [
      // Long limits: nobody ages into another class in these few minutes' lobbies.
      { type: 'service.define', service: service('cash', 'A', { priorServiceMinutes: MEANS.cash, maxWaitMinutes: 600, targetWaitMinutes: 600 }) },
      { type: 'service.define', service: service('corporate', 'C', { priorServiceMinutes: MEANS.corporate, maxWaitMinutes: 600, targetWaitMinutes: 600 }) },
      ...ids.map((id) => ({ type: 'counter.define' as const, counter: id, services: [svc] })),
      { type: 'day.open', date: DAY },
      ...ids.map((id) => ({ type: 'counter.open' as const, counter: id, staffId: `t${id}` })),
    ],
    T0,
  );
  const now = T0 + 120 * MIN;
  const rests: number[] = [];
  ids.forEach((id, i) => {
    const length = draw(mean, u, true);
    const elapsed = u() * length;
    rests.push(length - elapsed);
    const started = now - elapsed * MIN;
    s = run(s, [{ type: 'ticket.issue', id: `job${i}`, service: svc, priority: 'normal' }, { type: 'counter.call_ticket', counter: id, ticket: `job${i}` }], started - WALK * MIN);
    s = run(s, [{ type: 'ticket.start', ticket: `job${i}` }], started);
  });
  for (let i = 0; i < waiting; i++) s = run(s, [{ type: 'ticket.issue', id: `w${i}`, service: svc, priority: 'normal' }], now - (waiting - i) * 0.2 * MIN);
  const realWait = (): number => {
    const free = [...rests];
    let at = 0;
    for (let k = 0; k <= waiting; k++) {
      const i = free.indexOf(Math.min(...free));
      at = free[i]!;
      free[i] = at + WALK + draw(mean, u);
    }
    return at;
  };
  return { state: s, now, realWait };
}

interface Outcome {
  waiting: number;
  estimate: Estimate;
  real: number;
}

const shown = (e: Estimate) => ({ low: Math.floor(e.low), high: Math.ceil(e.high) });
const holds = (o: Outcome) => o.real >= shown(o.estimate).low && o.real <= shown(o.estimate).high;
const share = (os: Outcome[]) => os.filter(holds).length / os.length;
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!;

describe("a quiet lobby's range holds 75–85% of real waits and is narrow where the state allows (issue 15)", () => {
  const predictor = atriumPredictor({ utcOffsetMinutes: 480 });
  const outcomes: Outcome[] = [];
  for (const counters of [1, 2] as const) {
    for (const svc of ['cash', 'corporate'] as const) {
      for (let waiting = 0; waiting <= 5; waiting++) {
        for (let seed = 0; seed < SEEDS; seed++) {
          const u = seededRandom(7919 * seed + 31 * waiting + 3 * counters + (svc === 'cash' ? 0 : 1));
          const lobby = quietLobby(counters, svc, waiting, u);
          outcomes.push({ waiting, estimate: newTicketEstimate(predictor, lobby.state, svc, 'normal', lobby.now), real: lobby.realWait() });
        }
      }
    }
  }
  const widths = outcomes.filter((o) => o.estimate.minutes >= 1).map((o) => (shown(o.estimate).high - shown(o.estimate).low) / o.estimate.minutes);

  if (process.env.QUIET_REPORT) {
    const by = (w: number) => outcomes.filter((o) => o.waiting === w);
    console.log(`coverage ${share(outcomes).toFixed(3)}; median ${quantile(widths, 0.5).toFixed(2)}; p90 ${quantile(widths, 0.9).toFixed(2)}; by waiting ${[0, 1, 2, 3, 4, 5].map((w) => share(by(w)).toFixed(2)).join(' ')}; from zero ${(by(0).filter((o) => shown(o.estimate).low === 0).length / by(0).length).toFixed(2)}`);
  }

  it('holds 75–85% of real waits, and about 80% at each number waiting', () => {
    expect(share(outcomes)).toBeGreaterThanOrEqual(0.75);
    expect(share(outcomes)).toBeLessThanOrEqual(0.85);
    // 120 lobbies each: ±3.7 points of sampling error around 80%.
    for (let waiting = 0; waiting <= 5; waiting++) {
      const these = outcomes.filter((o) => o.waiting === waiting);
      expect(share(these), `${waiting} waiting`).toBeGreaterThanOrEqual(0.7);
      expect(share(these), `${waiting} waiting`).toBeLessThanOrEqual(0.9);
    }
  });

  it('is at most the estimate wide at the median and twice it at the 90th percentile, as the screens show it', () => {
    expect(widths.length).toBeGreaterThan(0.9 * outcomes.length);
    expect(quantile(widths, 0.5)).toBeLessThanOrEqual(1.0);
    expect(quantile(widths, 0.9)).toBeLessThanOrEqual(2.0);
  });

  it('behind a job in progress with nobody waiting, starts at or near zero ("within 4 min"), where the rest of the job piles up', () => {
    const rests = outcomes.filter((o) => o.waiting === 0);
    // The rest of a lognormal job a random while in: its 10th percentile is a tenth of its mean.
    const fromZero = rests.filter((o) => shown(o.estimate).low === 0).length / rests.length;
    expect(fromZero).toBeGreaterThan(0.5);
    expect(share(rests)).toBeGreaterThanOrEqual(0.7);
  });
});
