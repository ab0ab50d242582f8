// When nobody serves a service now, a number of minutes is no answer: before any counter had
// opened the kiosk said "0 waiting · about 9–11 min" (the estimator assumes closed counters
// come back in 10 minutes, so that every ticket has some estimate). The customer is told
// instead that the service's counters are not open and, where the branch knows it, when they
// open: the end of the rota's pause that keeps the counter away, or the branch's opening time.
//
// "Nobody serves it now": no counter that may call the ticket is open. A counter paused for a
// short break (any reason but lunch, and no rota pause covering now) still counts as serving:
// its teller is back in minutes and the estimate's number holds.
//
// Applied to every estimate the hub gives (withServiceHours wraps its predictor), so the
// kiosk's tiles, the ticket answer, the printed ticket, the phone page, the console and the
// live feed all carry it; the minutes stay in the estimate for integrations that read them.
import type { Estimate, EstimateClosed, LobbyState, Ticket } from '../../common/domain.js';
import type { WaitPredictor } from './predictor.js';
import { localMidnight, pauseWindows, type PauseWindow, type StaffRota } from './rota.js';

const MINUTE = 60_000;

export interface ServiceHours {
  rota: StaffRota;
  /** The branch's opening time, local HH:MM; null when unknown. */
  openingTime: string | null;
  /** The branch's zone, minutes east of UTC. */
  utcOffsetMinutes: number;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function clockOf(at: number, utcOffsetMinutes: number): string {
  const minutes = Math.floor((at - localMidnight(at, utcOffsetMinutes)) / MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The end of the counter's rota pauses covering `at`, one running into the next; null if none covers it. */
function endOfPauses(windows: PauseWindow[], counter: string, at: number): number | null {
  let t = at;
  let found = false;
  for (let guard = 0; guard < windows.length; guard++) {
    const w = windows.find((x) => x.counter === counter && x.from <= t && x.until > t);
    if (!w) break;
    t = w.until;
    found = true;
  }
  return found ? t : null;
}

/**
 * Whether no counter serves this ticket (or a new ticket of `service`) now, and if so when the
 * first of its counters is expected to open: null when some counter serves it.
 */
export function serviceClosure(state: LobbyState, ticket: Pick<Ticket, 'service' | 'targetCounter'>, now: number, hours: ServiceHours): EstimateClosed | null {
  const candidates = Object.values(state.counters).filter((c) => (ticket.targetCounter !== null ? c.id === ticket.targetCounter : c.services.includes(ticket.service)));
  const windows = pauseWindows(hours.rota, now, hours.utcOffsetMinutes);
  const inRota = (counter: string): boolean => windows.some((w) => w.counter === counter && w.from <= now && w.until > now);
  const serving = candidates.some((c) => c.status === 'open' || (c.status === 'paused' && c.pauseReason !== 'lunch' && !inRota(c.id)));
  if (serving) return null;

  const opening = hours.openingTime === null ? null : localMidnight(now, hours.utcOffsetMinutes) + minutesOf(hours.openingTime) * MINUTE;
  // Before the branch opens, a counter opens at the opening unless the rota keeps it away longer.
  const from = opening !== null && now < opening ? opening : now;
  let first: number | null = null;
  for (const c of candidates) {
    const back = endOfPauses(windows, c.id, from) ?? (from > now ? from : null);
    if (back !== null && (first === null || back < first)) first = back;
  }
  return { opensAt: first === null ? null : clockOf(first, hours.utcOffsetMinutes) };
}

/** The predictor with every estimate of a ticket nobody serves now marked `closed`. */
export function withServiceHours(predictor: WaitPredictor, hours: () => ServiceHours): WaitPredictor {
  return {
    name: predictor.name,
    predict(state: LobbyState, now: number): Record<string, Estimate> {
      const estimates = predictor.predict(state, now);
      const known = hours();
      const byService = new Map<string, EstimateClosed | null>();
      const out: Record<string, Estimate> = {};
      for (const [id, estimate] of Object.entries(estimates)) {
        const ticket = state.tickets[id];
        let closed: EstimateClosed | null = null;
        if (ticket) {
          // Most tickets go to any counter of their service: one answer per service.
          const key = ticket.targetCounter === null ? ticket.service : null;
          if (key !== null && byService.has(key)) closed = byService.get(key)!;
          else {
            closed = serviceClosure(state, ticket, now, known);
            if (key !== null) byService.set(key, closed);
          }
        }
        out[id] = closed ? { ...estimate, closed } : estimate;
      }
      return out;
    },
  };
}
