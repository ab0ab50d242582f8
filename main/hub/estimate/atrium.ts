// Atrium's own predictor: the live state run forward under the real dispatch policy.
//
// Which counters take part: open ones, from the end of their current job (remaining =
// max(mean − elapsed, floor); a called customer still walking up adds a short walk);
// paused ones, back after the typical length of their pause reason. Closed counters do
// not come back, except for tickets nothing else can call (at the start of the day, or a
// service whose counters have all closed): those come from a second run in which closed
// counters open after `closedReturnMinutes`, and a service or target no counter can serve
// gets a stand-in counter of its own, so every waiting ticket has an estimate.
import type { Estimate, LobbyState, PauseReason, Ticket } from '../../common/domain.js';
import { canCall } from '../queue/dispatch.js';
import { priorityArrivalRates } from './arrival-rates.js';
import type { WaitPredictor } from './predictor.js';
import { learntServiceMinutes } from './service-times.js';
import { simulate, type SimCounter, type SimParams } from './simulate.js';
import { toEstimate, Z90 } from './spread.js';

export interface AtriumOptions {
  /** How many observations the configured prior service time is worth. */
  priorWeight?: number;
  /** Observed durations are clipped at this multiple of the prior. */
  clipFactor?: number;
  /** Least time left for a job in progress, however long it has run. */
  minRemainingMinutes?: number;
  /** Time for a called customer to reach the counter. */
  walkUpMinutes?: number;
  pauseMinutes?: Partial<Record<PauseReason, number>>;
  closedReturnMinutes?: number;
  /** Expected priority arrivals are counted this far ahead; 0 turns them off. */
  arrivalHorizonMinutes?: number;
  minRateWindowMinutes?: number;
  /** Coefficient of variation of a service time (1 = exponential). */
  serviceCv?: number;
  /** z of the band's upper quantile; the default gives the 10th–90th percentile. */
  bandZ?: number;
}

const DEFAULT_PAUSE: Record<PauseReason, number> = { lunch: 45, cash_replenishment: 10, meeting: 30, other: 15 };
const MINUTE = 60_000;

export function atriumPredictor(options: AtriumOptions = {}): WaitPredictor {
  const o = {
    priorWeight: options.priorWeight ?? 3,
    clipFactor: options.clipFactor ?? 4,
    minRemainingMinutes: options.minRemainingMinutes ?? 0.5,
    walkUpMinutes: options.walkUpMinutes ?? 0.5,
    pauseMinutes: { ...DEFAULT_PAUSE, ...options.pauseMinutes },
    closedReturnMinutes: options.closedReturnMinutes ?? 10,
    arrivalHorizonMinutes: options.arrivalHorizonMinutes ?? 120,
    minRateWindowMinutes: options.minRateWindowMinutes ?? 30,
    serviceCv: options.serviceCv ?? 1,
    bandZ: options.bandZ ?? Z90,
  };

  return {
    name: 'atrium',
    predict(state: LobbyState, now: number): Record<string, Estimate> {
      const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
      if (waiting.length === 0) return {};
      const meanMinutes = learntServiceMinutes(state, o);
      const params: SimParams = {
        meanMinutes,
        rates: o.arrivalHorizonMinutes > 0 ? priorityArrivalRates(state, now, o.minRateWindowMinutes) : [],
        horizonMinutes: o.arrivalHorizonMinutes,
        cv: o.serviceCv,
      };
      const mean = (service: string): number => meanMinutes[service] ?? 5;

      const startOf = (counterId: string, status: 'open' | 'paused' | 'closed'): SimCounter | null => {
        const c = state.counters[counterId]!;
        const base = { id: c.id, services: c.services };
        if (status === 'closed') return { ...base, freeAt: o.closedReturnMinutes, pendingVariance: 0 };
        if (status === 'paused') {
          const rest = Math.max(o.pauseMinutes[c.pauseReason ?? 'other'] - (now - c.since) / MINUTE, o.minRemainingMinutes);
          return { ...base, freeAt: rest, pendingVariance: (o.serviceCv * rest) ** 2 };
        }
        const current = c.currentTicketId === null ? undefined : state.tickets[c.currentTicketId];
        if (!current) return { ...base, freeAt: 0, pendingVariance: 0 };
        const m = mean(current.service);
        const rest =
          current.status === 'serving'
            ? Math.max(m - (now - (current.startedAt ?? now)) / MINUTE, o.minRemainingMinutes)
            : m + Math.max(o.walkUpMinutes - (now - (current.calledAt ?? now)) / MINUTE, 0);
        return { ...base, freeAt: rest, pendingVariance: (o.serviceCv * rest) ** 2 };
      };
      // Per-counter variances are divided by the number of counters inside simulate's
      // accounting only for later departures; the first one is scaled here.
      const scale = (list: SimCounter[]): SimCounter[] =>
        list.map((c) => ({ ...c, pendingVariance: c.pendingVariance / Math.max(list.length, 1) ** 2 }));

      const live = Object.values(state.counters).filter((c) => c.status !== 'closed');
      const first = simulate(state, now, waiting, scale(live.map((c) => startOf(c.id, c.status)!)), params);

      const result: Record<string, Estimate> = {};
      const leftover: Ticket[] = [];
      for (const t of waiting) {
        const r = first.get(t.id);
        if (r) result[t.id] = toEstimate(r.minutes, r.variance, o.bandZ);
        else leftover.push(t);
      }
      if (leftover.length === 0) return result;

      const all = Object.values(state.counters).map((c) => startOf(c.id, c.status)!);
      for (const t of leftover) {
        if (all.some((c) => canCall(c, t))) continue;
        const id = t.targetCounter ?? `\u0000${t.service}`;
        if (!all.some((c) => c.id === id)) all.push({ id, services: [t.service], freeAt: o.closedReturnMinutes, pendingVariance: 0 });
      }
      const second = simulate(state, now, waiting, scale(all), params);
      for (const t of leftover) {
        const r = second.get(t.id);
        // Only a run cut short by its step guard leaves a ticket out; say "a long wait".
        result[t.id] = r ? toEstimate(r.minutes, r.variance, o.bandZ) : toEstimate(o.closedReturnMinutes + leftover.length * mean(t.service), 0, o.bandZ);
      }
      return result;
    },
  };
}
