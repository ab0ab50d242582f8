// Mean service minutes per service, learnt from today's finished tickets and shrunk towards
// a prior while observations are few: (k·prior + Σ durations) / (k + n). The prior is the
// branch's past days where it has them (branch-history.ts, worth `historyWeight` jobs), the
// configured service time otherwise (worth `priorWeight`).
// A duration is clipped at `clipFactor`·prior, because a teller who forgets to press
// "finish" before lunch would otherwise drag the whole day's mean up on their own. Known to
// cut genuine long jobs too (non-cash, a mix of CV 1.1, is learnt about 7% short, its CV 0.85
// for 1.1); a limit learnt from the past jobs (Tukey's fence on log durations) learnt them
// right and made the estimates worse, as they already ran long: bench/README.md, round seven.
import type { LobbyState } from '../../common/domain.js';
import type { ServiceHistory } from './branch-history.js';

/** A call-to-start longer than this is a teller who started late, not a walk. */
export const WALK_CLIP_MINUTES = 5;

/** Default of `clipFactor`: a job longer than 4× the configured service time is counted as 4×. */
export const CLIP_FACTOR = 4;

export interface ServiceTimeOptions {
  /** k: how many observations the configured prior is worth. */
  priorWeight: number;
  clipFactor: number;
  /** Past days' figures per service, and how many of today's jobs they are worth. */
  history?: Record<string, ServiceHistory>;
  historyWeight?: number;
  /** Past days' figures per service and kiosk choice (branch-history.ts `choices`). */
  choices?: Record<string, Record<string, ServiceHistory>>;
}

/** The prior of one service and its weight: past days where known, else the configuration. */
function priorOf(options: ServiceTimeOptions, code: string, configured: number): { minutes: number; cv: number | null; weight: number } {
  const past = options.history?.[code];
  if (past && past.jobs > 0) return { minutes: past.minutes, cv: past.jobs > 1 ? past.cv : null, weight: options.historyWeight ?? options.priorWeight };
  return { minutes: configured, cv: null, weight: options.priorWeight };
}

export function learntServiceMinutes(state: LobbyState, options: ServiceTimeOptions): Record<string, number> {
  const sum: Record<string, number> = {};
  const count: Record<string, number> = {};
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'done' || t.startedAt === null || t.finishedAt === null) continue;
    const service = state.services[t.service];
    if (!service) continue;
    const minutes = Math.min(Math.max(0, (t.finishedAt - t.startedAt) / 60_000), options.clipFactor * service.priorServiceMinutes);
    sum[t.service] = (sum[t.service] ?? 0) + minutes;
    count[t.service] = (count[t.service] ?? 0) + 1;
  }
  const means: Record<string, number> = {};
  for (const service of Object.values(state.services)) {
    const prior = priorOf(options, service.code, service.priorServiceMinutes);
    const k = prior.weight;
    const n = count[service.code] ?? 0;
    means[service.code] = k + n > 0 ? (k * prior.minutes + (sum[service.code] ?? 0)) / (k + n) : prior.minutes;
  }
  return means;
}

/**
 * Coefficient of variation of service times per service, learnt the same way: a service that
 * mixes quick and long business (non-cash: transfers and loans) varies more than one kind of
 * job, and a long job in progress then has more left to run.
 */
export function learntServiceCv(state: LobbyState, options: ServiceTimeOptions, priorCv: number, priorWeight: number): Record<string, number> {
  const durations: Record<string, number[]> = {};
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'done' || t.startedAt === null || t.finishedAt === null) continue;
    const service = state.services[t.service];
    if (!service) continue;
    (durations[t.service] ??= []).push(Math.min(Math.max(0, (t.finishedAt - t.startedAt) / 60_000), options.clipFactor * service.priorServiceMinutes));
  }
  const cvs: Record<string, number> = {};
  for (const [code, service] of Object.entries(state.services)) {
    const past = priorOf(options, code, service.priorServiceMinutes).cv;
    const prior = past ?? priorCv;
    const list = durations[code] ?? [];
    const n = list.length;
    if (n < 2) {
      cvs[code] = prior;
      continue;
    }
    const mean = list.reduce((a, b) => a + b, 0) / n;
    const variance = list.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const cv = mean > 0 ? Math.sqrt(variance) / mean : prior;
    const k = past === null ? priorWeight : (options.historyWeight ?? priorWeight);
    cvs[code] = (k * prior + n * cv) / (k + n);
  }
  return cvs;
}

/**
 * Minutes from a call to the start of the service: the customer's walk to the counter. The
 * counter is held for it, but it is not in the service times above (start to finish), so
 * without it every call ran short by half a minute. Shrunk towards `prior`.
 */
export function learntWalkUpMinutes(state: LobbyState, prior: number, priorWeight: number): number {
  let sum = 0;
  let n = 0;
  for (const t of Object.values(state.tickets)) {
    // A transferred ticket keeps its first call time, so its call-to-start spans a service.
    if (t.calledAt === null || t.startedAt === null || t.transfers > 0) continue;
    sum += Math.min(Math.max(0, (t.startedAt - t.calledAt) / 60_000), WALK_CLIP_MINUTES);
    n++;
  }
  return (prior * priorWeight + sum) / (priorWeight + n);
}

/** Mean minutes and CV of one kiosk choice's services. */
export interface ChoiceTimes {
  minutes: number;
  cv: number;
}

/**
 * Per service and kiosk choice, mean and CV of its service times: the past days' figures of
 * the choice (only choices with enough past jobs have them: branch-history.ts
 * `MIN_CHOICE_JOBS`), moved by today's finished jobs of the same choice as learntServiceMinutes
 * moves a service's. Why: within one service the business differs several-fold (non-cash: a
 * transfer 5 minutes, wealth products 20), and the kiosk already asked which it is. A ticket
 * without a choice, or of a choice with no figures here, takes its service's.
 */
export function learntChoiceTimes(state: LobbyState, options: ServiceTimeOptions): Record<string, Record<string, ChoiceTimes>> {
  const past = options.choices ?? {};
  const today = new Map<string, number[]>();
  for (const t of Object.values(state.tickets)) {
    if (!t.choice || !past[t.service]?.[t.choice] || t.status !== 'done' || t.startedAt === null || t.finishedAt === null) continue;
    const service = state.services[t.service];
    if (!service) continue;
    const key = `${t.service}\u0000${t.choice}`;
    const list = today.get(key) ?? [];
    // Clipped as the past days' jobs of the choice were (branch-history.ts learnChoiceHistory), its past mean standing for its median.
    const clip = options.clipFactor * Math.max(service.priorServiceMinutes, past[t.service]![t.choice]!.minutes);
    list.push(Math.min(Math.max(0, (t.finishedAt - t.startedAt) / 60_000), clip));
    today.set(key, list);
  }
  const k = options.historyWeight ?? options.priorWeight;
  const out: Record<string, Record<string, ChoiceTimes>> = {};
  for (const [service, byChoice] of Object.entries(past)) {
    for (const [choice, h] of Object.entries(byChoice)) {
      const list = today.get(`${service}\u0000${choice}`) ?? [];
      const n = list.length;
      const sum = list.reduce((a, b) => a + b, 0);
      const minutes = (k * h.minutes + sum) / (k + n);
      let cv = h.cv;
      if (n >= 2) {
        const mean = sum / n;
        const sd = Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
        if (mean > 0) cv = (k * h.cv + n * (sd / mean)) / (k + n);
      }
      (out[service] ??= {})[choice] = { minutes, cv };
    }
  }
  return out;
}
