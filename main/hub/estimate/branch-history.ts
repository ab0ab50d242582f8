// What the branch's past days say about how it works: how long each service takes and how
// much counter time short breaks and customers' walks to the counter take. The hub learns it from its own records (the tickets
// table and the counter events, ledger-knowledge.ts); the bench from simulated past days.
//
// Why (bench/README.md has the figures): today's service means start from the configured prior
// and learn from the jobs finished so far, which early in the day are the short ones (a long
// job is still running), so mornings ran low; and the break allowance was a constant taken
// from the default rota, which made estimates 6% long in a branch without breaks.

import type { DayKind } from '../../common/calendar.js';
import type { PauseReason } from '../../common/domain.js';
import { CLIP_FACTOR, guardDuration } from './service-times.js';

export interface ServiceHistory {
  /** Mean service minutes on past days (guarded as today's are: serviceLimit). */
  minutes: number;
  /** Coefficient of variation of those service times. */
  cv: number;
  /** How many finished jobs it was learnt from (those left out beyond `limitMinutes` not counted). */
  jobs: number;
  /**
   * A job longer than this is a forgotten "finish", not a service time, and is left out, of
   * the past days and of today alike (serviceLimit). Absent (a history built by hand, or
   * fewer than MIN_LIMIT_JOBS past jobs): durations are clipped at CLIP_FACTOR × the
   * configured service time instead, as before limits were learnt.
   */
  limitMinutes?: number;
}

export interface BranchHistory {
  /** How many past business days it was learnt from; 0: nothing known. */
  days: number;
  services: Record<string, ServiceHistory>;
  /**
   * Per service, per kiosk choice: the business within a service (non-cash: a transfer about
   * 5 minutes, cards 10, wealth products 20), for the choices with at least MIN_CHOICE_JOBS
   * finished jobs (learnChoiceHistory). Absent: none known; a ticket without a choice, or of a
   * rarer one, takes its service's figures.
   */
  choices?: Record<string, Record<string, ServiceHistory>>;
  /** Share of counter time lost to pauses other than lunch; null: not known. */
  breakShare: number | null;
  /** Mean minutes from a call to the start of the service (the walk to the counter); null: not known. */
  walkUpMinutes: number | null;
  /**
   * The fields below are optional so that a history built by hand (the bench, tests) stays
   * valid; absent or null: not known, the prior of priors.ts is used.
   * Leaving rate per minute waited of past days' reached tickets (today's prior).
   */
  leavingPerMinute?: number | null;
  /** Mean minutes a counter closed while the day was open stayed away, of those that came back that day. */
  closedMidDayMinutes?: number | null;
  /** Mean pause minutes by reason. */
  pauseMinutes?: Partial<Record<PauseReason, number>>;
  /** Which past days: those of `kind` (null: of any kind), or all days when too few of the kind were found (`fallback`). */
  learntFrom?: { kind: DayKind | null; fallback: boolean };
}

export const NO_HISTORY: BranchHistory = { days: 0, services: {}, breakShare: null, walkUpMinutes: null };

export interface PastJob {
  service: string;
  minutes: number;
  /** The kiosk choice the ticket was issued under, when it had one. */
  choice?: string;
}

/**
 * Fewest past jobs of a choice for it to have figures of its own: with fewer, a choice's mean
 * rests on a handful of services and one long one (CV near 1) moves it by a fifth, while its
 * service's mean, learnt from hundreds, errs only by the mix. 30 jobs put the standard error
 * of a mean near CV/√30 ≈ 15–18%; an assumption, not tuned on the bench's days.
 */
export const MIN_CHOICE_JOBS = 30;

/**
 * The guard against a forgotten "finish" (issue 15). A teller who forgets to press "finish"
 * before lunch leaves a job of hours; counted whole it would drag a day's mean up. The guard
 * used to clip every job at CLIP_FACTOR × the configured service time (non-cash 8 minutes →
 * 32), and that cut genuine long jobs: the simulated services are lognormal with CVs of
 * 0.7–0.9, and non-cash mixes 5-, 10- and 20-minute business (CV 1.1 together), so 4% of its
 * jobs ran past 32 minutes and its mean was learnt 7% short (9.28 for 10), its CV 0.85 for
 * 1.13; wealth products (20 min, CV 0.9) lost 4.5% at 4 × their median (59.5 min), the quiet
 * branch's corporate jobs (20 min, CV 0.8) 5% as a service (at 48 minutes), 2.6% as a choice. Narrow CVs make the runs too sure
 * of a short wait (bench/README.md, round six).
 *
 * Now, where the past days have at least MIN_LIMIT_JOBS jobs of a service (or of a kiosk
 * choice), the limit is learnt from them: Tukey's upper fence on log durations, Q3 + k·IQR of
 * the logs (k = LIMIT_FENCE_K = 2), and never below CLIP_FACTOR × the configured time nor
 * CLIP_FACTOR × their own median (the old clips, so a narrow or tied set never cuts more than
 * before). On logs because service times are lognormal (Brown et al., JASA 2005): the fence is
 * then median × e^(3.37σ) of a lognormal, past which lie 0.04% of its jobs whatever its mean
 * and CV; and quartiles stand up to a quarter of the jobs being forgotten finishes. Why k = 2,
 * not Tukey's 1.5 or 3: at 1.5 a lognormal of CV 0.8 loses 0.35% of its jobs and 2% of its
 * mean; at 3 the limit of wealth products (20 min, CV 0.9) is over 9 hours, of non-cash as a
 * whole 7, and a 6-hour forgotten finish passes; at 2.5 the wealth limit (5½ hours) sits so
 * near 6 that 800 jobs' quartiles put it either side. At 2 the limits are 24 minutes for cash
 * (3.5, CV 0.7), 42 for transfers (5, CV 0.8), 130 for non-cash as a whole, 120 for corporate
 * (12, CV 0.9), 200 for wealth products; the learnt means lose 0.3–0.4% of a single business,
 * 0.8% of non-cash's mix (its CV 1.07 for 1.13), against 7% and 0.85 before.
 *
 * A job past a learnt limit is left out, not clipped: clipped at a limit of hours, one
 * forgotten finish among ten of today's jobs would still add hours/30 to the mean. Without a
 * learnt limit (a new hub, a rare service) nothing tells a long job from a forgotten one, and
 * clipping at CLIP_FACTOR × the configured time bounds the harm either way, as before.
 */
export const LIMIT_FENCE_K = 2;
/** Fewest past jobs of a service or choice to learn its limit from (MIN_CHOICE_JOBS' reasoning). */
export const MIN_LIMIT_JOBS = 30;

/** The learnt limit of one service's or choice's past durations; null when they are too few. */
export function learnLimit(durations: readonly number[], floor: number): number | null {
  if (durations.length < MIN_LIMIT_JOBS) return null;
  // A job started and finished within the same second is 1 second long on the log scale.
  const logs = durations.map((x) => Math.log(Math.max(x, 1 / 60))).sort((a, b) => a - b);
  const at = (q: number): number => {
    const i = q * (logs.length - 1);
    const lo = Math.floor(i);
    return logs[lo]! + (i - lo) * ((logs[Math.min(lo + 1, logs.length - 1)] ?? logs[lo]!) - logs[lo]!);
  };
  const q1 = at(0.25);
  const q3 = at(0.75);
  return Math.max(floor, CLIP_FACTOR * Math.exp(at(0.5)), Math.exp(q3 + LIMIT_FENCE_K * (q3 - q1)));
}

/** Mean, CV and count of guarded durations, and the limit they were guarded by. */
function summarise(durations: readonly number[], clip: number): ServiceHistory {
  const limit = learnLimit(durations, clip) ?? undefined;
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const d of durations) {
    const x = guardDuration(d, limit, clip);
    if (x === null) continue;
    n++;
    sum += x;
    squares += x * x;
  }
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  return { minutes: mean, cv: mean > 0 && n > 1 ? Math.sqrt(variance) / mean : 0, jobs: n, ...(limit !== undefined ? { limitMinutes: limit } : {}) };
}

/**
 * Per-service means and CVs of past jobs, guarded against forgotten finishes (learnLimit);
 * `clipAt` is the clip where no limit is learnt (CLIP_FACTOR × the configured time) and the
 * least a learnt limit can be.
 */
export function learnServiceHistory(jobs: readonly PastJob[], clipAt: (service: string) => number): Record<string, ServiceHistory> {
  const byService = new Map<string, number[]>();
  for (const job of jobs) {
    const list = byService.get(job.service);
    if (list) list.push(job.minutes);
    else byService.set(job.service, [job.minutes]);
  }
  const services: Record<string, ServiceHistory> = {};
  for (const [service, list] of byService) services[service] = summarise(list, clipAt(service));
  return services;
}

/**
 * Per service and kiosk choice, the figures of the choices with at least `minJobs` past jobs,
 * each guarded by a limit learnt from the choice's own jobs (learnLimit: never below its
 * service's `clipAt` nor CLIP_FACTOR × the choice's median). Why its own: a forgotten finish
 * of an hour and a half stands out among transfers (5 minutes, limit about 42) while among
 * non-cash jobs as a whole (limit about 130) it does not.
 */
export function learnChoiceHistory(jobs: readonly PastJob[], clipAt: (service: string) => number, minJobs = MIN_CHOICE_JOBS): Record<string, Record<string, ServiceHistory>> {
  const groups = new Map<string, PastJob[]>();
  for (const job of jobs) {
    if (!job.choice) continue;
    const key = JSON.stringify([job.service, job.choice]);
    const list = groups.get(key);
    if (list) list.push(job);
    else groups.set(key, [job]);
  }
  const out: Record<string, Record<string, ServiceHistory>> = {};
  for (const [key, list] of groups) {
    if (list.length < minJobs) continue;
    const [service, choice] = JSON.parse(key) as [string, string];
    (out[service] ??= {})[choice] = summarise(
      list.map((j) => j.minutes),
      clipAt(service),
    );
  }
  return out;
}

/** One stretch of a counter's day: working (open) or away on a break (paused, not for lunch). */
export interface CounterStretch {
  kind: 'open' | 'break';
  minutes: number;
}

/** Share of working-or-break time spent on breaks; null when there is no counter time at all. */
export function learnBreakShare(stretches: readonly CounterStretch[]): number | null {
  let open = 0;
  let away = 0;
  for (const s of stretches) {
    if (s.kind === 'open') open += s.minutes;
    else away += s.minutes;
  }
  return open + away > 0 ? away / (open + away) : null;
}
