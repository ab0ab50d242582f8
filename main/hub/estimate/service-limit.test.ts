// The guard against a forgotten "finish" (issue 15, branch-history.ts `learnLimit`): learnt
// from the past days' jobs, it leaves out a job of hours but no longer cuts the genuine long
// jobs of a lognormal service of high CV, whose mean and CV the old clip (4 × the configured
// time) learnt short; today's jobs, finished or in progress, are judged by the same limit.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { learnChoiceHistory, learnLimit, learnServiceHistory, MIN_LIMIT_JOBS, type BranchHistory, type PastJob } from './branch-history.js';
import { atriumPredictor } from './index.js';
import { normalQuantile } from './sampling.js';
import { CLIP_FACTOR, learntServiceCv, learntServiceMinutes } from './service-times.js';

/** Non-cash as the bench's branch has it: configured at 8 minutes, so the old clip is 32. */
const CONFIGURED = 8;
const clipAt = (): number => CLIP_FACTOR * CONFIGURED;

/** The p-quantile of a lognormal of mean `mean` and coefficient of variation `cv`. */
function lognormalAt(mean: number, cv: number, p: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normalQuantile(p));
}

/**
 * Twenty past days of non-cash jobs, 4,000 in all: transfers (5 min), cards and accounts (10)
 * at CV 0.8 and wealth products (20) at CV 0.9 in the shares 2:2:1, the bench's mix (mean 10,
 * CV 1.13 together; 4% of the jobs run past 32 minutes). Each business's jobs sit at evenly
 * spaced quantiles of its lognormal, so the set is the distribution without a sample's luck
 * (its longest wealth product 155 minutes).
 */
function pastJobs(): PastJob[] {
  const kinds = [
    { choice: 'transfer', mean: 5, cv: 0.8, n: 1600 },
    { choice: 'accounts', mean: 10, cv: 0.8, n: 1600 },
    { choice: 'wealth', mean: 20, cv: 0.9, n: 800 },
  ];
  return kinds.flatMap((k) => Array.from({ length: k.n }, (_, i) => ({ service: 'noncash', choice: k.choice, minutes: lognormalAt(k.mean, k.cv, (i + 0.5) / k.n) })));
}

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const cvOf = (xs: readonly number[]): number => {
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) / m;
};

/** Six hours: a teller who pressed "call" at 10:00 and "finish" at 16:00. */
const FORGOTTEN = 360;

describe('the guard against a forgotten finish', () => {
  it('learns a lognormal service of high CV nearly whole: its mean within 1.5% and its CV within 8% of the jobs’ own', () => {
    const jobs = pastJobs();
    const minutes = jobs.map((j) => j.minutes);
    const learnt = learnServiceHistory(jobs, clipAt)['noncash']!;
    // The set's own mean and CV are the mix's, 10 and 1.13, within a point.
    expect(meanOf(minutes)).toBeCloseTo(10, 1);
    expect(cvOf(minutes)).toBeGreaterThan(1.08);
    // Clipped at 32 minutes it was 7% short (9.3), its CV 0.85: runs too sure of a short wait.
    expect(Math.abs(learnt.minutes / meanOf(minutes) - 1)).toBeLessThan(0.015);
    expect(Math.abs(learnt.cv / cvOf(minutes) - 1)).toBeLessThan(0.08);
    expect(learnt.jobs).toBeGreaterThan(3990);
    // So are its choices; wealth products (20 min, CV 0.9) lost 4.5% at 4 × their median.
    for (const [choice, h] of Object.entries(learnChoiceHistory(jobs, clipAt)['noncash']!)) {
      const own = jobs.filter((j) => j.choice === choice).map((j) => j.minutes);
      expect(Math.abs(h.minutes / meanOf(own) - 1), choice).toBeLessThan(0.01);
      expect(Math.abs(h.cv / cvOf(own) - 1), choice).toBeLessThan(0.05);
    }
  });

  it('still leaves out a 6-hour forgotten finish, of the service and of each choice', () => {
    const jobs = pastJobs();
    const honest = learnServiceHistory(jobs, clipAt)['noncash']!;
    // One forgotten finish a day, of each choice in turn.
    const choices = ['transfer', 'accounts', 'wealth'];
    const forgotten = Array.from({ length: 20 }, (_, d) => ({ service: 'noncash', choice: choices[d % 3]!, minutes: FORGOTTEN + d }));
    const learnt = learnServiceHistory([...jobs, ...forgotten], clipAt)['noncash']!;
    expect(learnt.limitMinutes).toBeLessThan(FORGOTTEN);
    expect(learnt.jobs).toBe(honest.jobs);
    expect(learnt.minutes).toBeCloseTo(honest.minutes, 1);
    const honestChoices = learnChoiceHistory(jobs, clipAt)['noncash']!;
    for (const [choice, h] of Object.entries(learnChoiceHistory([...jobs, ...forgotten], clipAt)['noncash']!)) {
      expect(h.limitMinutes, choice).toBeLessThan(FORGOTTEN);
      expect(h.jobs, choice).toBe(honestChoices[choice]!.jobs);
      expect(h.minutes, choice).toBeCloseTo(honestChoices[choice]!.minutes, 1);
    }
    // Transfers' own limit is far shorter than the service's: an hour's forgotten transfer is out too.
    const transfer = learnChoiceHistory(jobs, clipAt)['noncash']!['transfer']!;
    expect(transfer.limitMinutes).toBeLessThan(60);
    expect(transfer.limitMinutes).toBeGreaterThan(32);
  });

  it('is never below the old clips, and is not learnt from fewer than MIN_LIMIT_JOBS jobs', () => {
    expect(learnLimit(Array.from({ length: MIN_LIMIT_JOBS - 1 }, () => 5), 32)).toBeNull();
    // Thirty tied jobs: no spread, so 4 × their median (or the service's clip when longer).
    expect(learnLimit(Array.from({ length: MIN_LIMIT_JOBS }, () => 5), 32)).toBe(32);
    expect(learnLimit(Array.from({ length: MIN_LIMIT_JOBS }, () => 20), 32)).toBeCloseTo(80, 9);
    // Jobs of no duration (started and finished in the same second) give a limit, not NaN.
    expect(learnLimit(Array.from({ length: MIN_LIMIT_JOBS }, (_, i) => (i % 2 === 0 ? 0 : 4)), 16)).toBeGreaterThanOrEqual(16);
  });
});

/** One non-cash counter, configured at 8 minutes, open; the day open at T0. */
function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: CONFIGURED, maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['noncash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** Today's job `id`, called at `at` and lasting `minutes`. */
function served(s: LobbyState, id: string, at: number, minutes: number): LobbyState {
  let x = issue(s, id, 'noncash', at);
  x = run(x, [{ type: 'counter.call_ticket', counter: '1', ticket: id }, { type: 'ticket.start', ticket: id }], at);
  return run(x, [{ type: 'ticket.finish', ticket: id }], at + minutes * MIN);
}

const learnt = (): BranchHistory => ({ days: 20, services: learnServiceHistory(pastJobs(), clipAt), breakShare: 0, walkUpMinutes: 0 });

describe('today’s jobs are judged by the past days’ limit', () => {
  const options = (h: BranchHistory) => ({ priorWeight: 3, clipFactor: CLIP_FACTOR, history: h.services, historyWeight: 20 });

  it('counts a 60-minute job of today whole, and leaves out today’s 6-hour forgotten finish', () => {
    const h = learnt();
    const past = h.services['noncash']!.minutes;
    const long = served(lobby(), 'long', T0, 60);
    // (20 × past + 60) / 21: the old clip counted it as 32.
    expect(learntServiceMinutes(long, options(h))['noncash']).toBeCloseTo((20 * past + 60) / 21, 9);
    const forgotten = served(lobby(), 'forgot', T0, FORGOTTEN);
    expect(learntServiceMinutes(forgotten, options(h))['noncash']).toBeCloseTo(past, 9);
    expect(learntServiceCv(forgotten, options(h), 0.8, 10)['noncash']).toBeCloseTo(h.services['noncash']!.cv, 9);
    // Without a learnt limit (a history built by hand): clipped at 4 × 8 as before.
    const bare = { ...h, services: { noncash: { minutes: past, cv: 1, jobs: 4000 } } };
    expect(learntServiceMinutes(long, options(bare))['noncash']).toBeCloseTo((20 * past + 32) / 21, 9);
  });

  it('takes a job in progress past the limit as a forgotten finish, not as hours more to run', () => {
    const h = learnt();
    const limit = h.services['noncash']!.limitMinutes!;
    // One job in progress, one ticket waiting behind it.
    let s = issue(lobby(), 'x', 'noncash', T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'x' }, { type: 'ticket.start', ticket: 'x' }], T0);
    s = issue(s, 'y', 'noncash', T0 + MIN);
    const atrium = atriumPredictor({ history: h, arrivalHorizonMinutes: 0, leavingPriorPerMinute: 1e-12, utcOffsetMinutes: 0 });
    const within = atrium.predict(s, T0 + (limit - 5) * MIN)['y']!.minutes;
    const past = atrium.predict(s, T0 + (limit + 5) * MIN)['y']!.minutes;
    // Hours into a lognormal job its conditioned rest is long; past the limit the counter is about free.
    expect(within).toBeGreaterThan(20);
    expect(past).toBeLessThan(1);
  });
});
