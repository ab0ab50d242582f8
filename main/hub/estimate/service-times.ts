// Mean service minutes per service, learnt from today's finished tickets and shrunk towards
// the configured prior while observations are few: (k·prior + Σ durations) / (k + n).
// A duration is clipped at `clipFactor`·prior, because a teller who forgets to press
// "finish" before lunch would otherwise drag the whole day's mean up on their own.
import type { LobbyState } from '../../common/domain.js';

export interface ServiceTimeOptions {
  /** k: how many observations the prior is worth. */
  priorWeight: number;
  clipFactor: number;
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
    const k = options.priorWeight;
    const n = count[service.code] ?? 0;
    means[service.code] = k + n > 0 ? (k * service.priorServiceMinutes + (sum[service.code] ?? 0)) / (k + n) : service.priorServiceMinutes;
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
  for (const code of Object.keys(state.services)) {
    const list = durations[code] ?? [];
    const n = list.length;
    if (n < 2) {
      cvs[code] = priorCv;
      continue;
    }
    const mean = list.reduce((a, b) => a + b, 0) / n;
    const variance = list.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const cv = mean > 0 ? Math.sqrt(variance) / mean : priorCv;
    cvs[code] = (priorWeight * priorCv + n * cv) / (priorWeight + n);
  }
  return cvs;
}
