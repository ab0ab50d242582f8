// The predictors of the literature and of products, behind the hub's WaitPredictor seam.
// Each sees only what the hub sees (the live state), as Atrium's own does.
//
// Decisions the papers leave open, the same for all of them so they compare fairly:
// - Service means are today's learnt ones (the hub's own learnt mean, shrunk towards the
//   configured prior), as a product would learn them.
// - A ticket that an idle open counter can call right now, with nobody ahead, gets 0.
// - Delay-history predictors (LES, smoothed LES, HOL) predict a whole wait; for a ticket that
//   has already waited, the screen shows what is left of it: max(0, history − elapsed).
// - A product prints one figure; the range these predictors "print" is ±25% around it.
import type { Estimate, LobbyState, Ticket } from '../../main/common/domain.js';
import type { WaitPredictor } from '../../main/hub/estimate/index.js';
import { orderFor } from '../../main/hub/queue/dispatch.js';
import { CLIP_FACTOR, learntServiceMinutes } from '../../main/hub/estimate/service-times.js';

const MINUTE = 60_000;
const LEARN = { priorWeight: 3, clipFactor: CLIP_FACTOR };

export function band(minutes: number): Estimate {
  const m = Math.max(0, Math.round(minutes * 10) / 10);
  return { minutes: m, low: Math.round(m * 7.5) / 10, high: Math.round(m * 12.5) / 10 };
}

interface ServiceView {
  /** Waiting tickets of the service, in the order a counter serving only it would call them. */
  order: Ticket[];
  /** Open counters listing the service, and how many of them are idle. */
  open: number;
  idle: number;
}

function serviceViews(state: LobbyState, now: number): Map<string, ServiceView> {
  const views = new Map<string, ServiceView>();
  for (const code of Object.keys(state.services)) {
    const open = Object.values(state.counters).filter((c) => c.status === 'open' && c.services.includes(code));
    views.set(code, {
      order: orderFor(state, { id: '\u0000', services: [code] }, now),
      open: open.length,
      idle: open.filter((c) => c.currentTicketId === null).length,
    });
  }
  return views;
}

function waiting(state: LobbyState): Ticket[] {
  return Object.values(state.tickets).filter((t) => t.status === 'waiting');
}

/** A predictor that gives each waiting ticket a figure from its service's view. */
function perTicket(name: string, figure: (t: Ticket, ahead: number, view: ServiceView, state: LobbyState, now: number) => number): WaitPredictor {
  return {
    name,
    predict(state, now) {
      const views = serviceViews(state, now);
      const out: Record<string, Estimate> = {};
      for (const t of waiting(state)) {
        const view = views.get(t.service)!;
        const ahead = view.order.indexOf(t);
        out[t.id] = band(ahead < view.idle ? 0 : figure(t, ahead, view, state, now));
      }
      return out;
    },
  };
}

/** People ahead × mean service time / open counters: position in the plain ticket order. */
export function naivePredictor(): WaitPredictor {
  return {
    name: 'naive',
    predict(state, now) {
      const means = learntServiceMinutes(state, LEARN);
      const list = waiting(state);
      const finished = Object.values(state.tickets).filter((t) => t.status === 'done');
      // The one average a product keeps: over today's customers, or the priors' mean.
      const mean =
        finished.length > 0 ? finished.reduce((a, t) => a + means[t.service]!, 0) / finished.length : Object.values(means).reduce((a, b) => a + b, 0) / Math.max(1, Object.keys(means).length);
      const open = Object.values(state.counters).filter((c) => c.status === 'open').length;
      const out: Record<string, Estimate> = {};
      for (const t of list) {
        const ahead = list.filter((o) => o.service === t.service && (o.issuedAt < t.issuedAt || (o.issuedAt === t.issuedAt && o.number < t.number))).length;
        out[t.id] = band(open === 0 ? ahead * mean : (ahead * mean) / open);
      }
      void now;
      return out;
    },
  };
}

/** Ibrahim & Whitt's QL: (n + 1) / (s·μ), n ahead in the same service, s its open counters. */
export function qlPredictor(): WaitPredictor {
  return {
    name: 'QL',
    predict(state, now) {
      const means = learntServiceMinutes(state, LEARN);
      return perTicket('QL', (t, ahead, view) => ((ahead - view.idle + 1) * means[t.service]!) / Math.max(1, view.open)).predict(state, now);
    },
  };
}

/** When each ticket of a service was called, and after how long a wait, in call order. */
function callHistory(state: LobbyState, service: string): { calledAt: number; wait: number }[] {
  return Object.values(state.tickets)
    .filter((t) => t.service === service && t.calledAt !== null)
    .map((t) => ({ calledAt: t.calledAt!, wait: (t.calledAt! - t.issuedAt) / MINUTE }))
    .sort((a, b) => a.calledAt - b.calledAt);
}

const elapsed = (t: Ticket, now: number): number => (now - t.issuedAt) / MINUTE;

/** Last to enter service: the wait of the last customer of the service who was called. */
export function lesPredictor(): WaitPredictor {
  return {
    name: 'LES',
    predict(state, now) {
      const last = new Map<string, number>();
      for (const code of Object.keys(state.services)) last.set(code, callHistory(state, code).at(-1)?.wait ?? 0);
      return perTicket('LES', (t) => Math.max(0, last.get(t.service)! - elapsed(t, now))).predict(state, now);
    },
  };
}

/** Exponentially smoothed LES, as call-centre products do: e ← a·e + (1 − a)·last wait. */
export function smoothedLesPredictor(a = 0.7): WaitPredictor {
  return {
    name: 'LES-smoothed',
    predict(state, now) {
      const smoothed = new Map<string, number>();
      for (const code of Object.keys(state.services)) {
        let e: number | null = null;
        for (const h of callHistory(state, code)) e = e === null ? h.wait : a * e + (1 - a) * h.wait;
        smoothed.set(code, e ?? 0);
      }
      return perTicket('LES-smoothed', (t) => Math.max(0, smoothed.get(t.service)! - elapsed(t, now))).predict(state, now);
    },
  };
}

/** Head of the line: how long the first waiting ticket of the service has waited. */
export function holPredictor(): WaitPredictor {
  return {
    name: 'HOL',
    predict(state, now) {
      return perTicket('HOL', (t, _ahead, view) => {
        const head = view.order[0];
        return head ? Math.max(0, elapsed(head, now) - elapsed(t, now)) : 0;
      }).predict(state, now);
    },
  };
}

export function baselinePredictors(): WaitPredictor[] {
  return [naivePredictor(), qlPredictor(), lesPredictor(), smoothedLesPredictor(), holPredictor()];
}
