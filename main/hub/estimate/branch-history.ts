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
import { CLIP_FACTOR } from './service-times.js';

export interface ServiceHistory {
  /** Mean service minutes on past days (clipped as today's are). */
  minutes: number;
  /** Coefficient of variation of those service times. */
  cv: number;
  /** How many finished jobs it was learnt from. */
  jobs: number;
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

/** Per-service means and CVs of past jobs; `clipAt` caps a duration as today's are capped. */
export function learnServiceHistory(jobs: readonly PastJob[], clipAt: (service: string) => number): Record<string, ServiceHistory> {
  const sums: Record<string, { n: number; sum: number; squares: number }> = {};
  for (const job of jobs) {
    const x = Math.min(Math.max(0, job.minutes), clipAt(job.service));
    const s = (sums[job.service] ??= { n: 0, sum: 0, squares: 0 });
    s.n++;
    s.sum += x;
    s.squares += x * x;
  }
  const services: Record<string, ServiceHistory> = {};
  for (const [service, s] of Object.entries(sums)) {
    const mean = s.sum / s.n;
    const variance = s.n > 1 ? Math.max(0, (s.squares - s.n * mean * mean) / (s.n - 1)) : 0;
    services[service] = { minutes: mean, cv: mean > 0 && s.n > 1 ? Math.sqrt(variance) / mean : 0, jobs: s.n };
  }
  return services;
}

/**
 * Per service and kiosk choice, the figures of the choices with at least `minJobs` past jobs
 * (learnServiceHistory on each). A choice's job is clipped at `clipAt` of its service or at
 * CLIP_FACTOR × the choice's own median, whichever is longer: the service's clip (4 × its
 * configured time, non-cash 8 minutes) is there for a teller who forgot to press "finish", and
 * it would cut one wealth product in six (lognormal, mean 20, CV 0.9, past 32 minutes), while
 * four times the choice's median is still far beyond a job of that business.
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
    const sorted = list.map((j) => j.minutes).sort((a, b) => a - b);
    const clip = Math.max(clipAt(service), CLIP_FACTOR * sorted[Math.floor(sorted.length / 2)]!);
    (out[service] ??= {})[choice] = learnServiceHistory(list, () => clip)[service]!;
  }
  return out;
}

/** One stretch of a counter's day: working (open) or away on a break (paused, not for lunch). */
export interface CounterStretch {
  kind: 'open' | 'break';
  minutes: number;
  /** A break's counter, start (epoch milliseconds) and reason, where known (counter-days.ts records them). */
  counter?: string;
  at?: number;
  reason?: PauseReason;
}

/**
 * Share of working-or-break time spent on breaks nobody planned; null when there is no counter
 * time at all. A break `planned` says the rota planned (the forward runs hold the counter for
 * the rota's window, atrium.ts) counts neither as a break nor as working time: the allowance is
 * for the breaks the runs do not simulate, taken out of the time outside the rota's windows.
 */
export function learnBreakShare(stretches: readonly CounterStretch[], planned: (s: CounterStretch) => boolean = () => false): number | null {
  let open = 0;
  let away = 0;
  for (const s of stretches) {
    if (s.kind === 'open') open += s.minutes;
    else if (!planned(s)) away += s.minutes;
  }
  return open + away > 0 ? away / (open + away) : null;
}
