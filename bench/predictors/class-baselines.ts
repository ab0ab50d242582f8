// Stronger baselines than the single-class ones of baselines.ts (issue 15: "0.33× the best
// baseline" mostly measured that QL per service ignores VIP and green customers, counters'
// first service and leaving). Each sees only what the hub sees, as the others do, and shares
// their conventions (0 when an idle counter can call the ticket now; a ±25% printed range).
// - LES-class, HOL-class: delay history per class (service and priority), as Thiongane, Chan
//   and L'Ecuyer's class-aware predictors for multi-skill centres (2020).
// - QL-abandon: Ibrahim and Whitt's abandonment-aware QL for M/M/s+M, wait with n ahead
//   Σ_{i=0..n} 1/(sμ + iθ), θ learnt from today's tickets (no-shows per minute waited).
// - HOL-refined: the head's wait scaled by the ticket's place, (k + 1)/n of it, so a ticket
//   deep in the line is not promised the head's whole wait (HOL alone predicts for the last
//   arrival only), with the line in the engine's class order.
import type { Estimate, LobbyState, Ticket } from '../../main/common/domain.js';
import type { WaitPredictor } from '../../main/hub/estimate/index.js';
import { orderFor } from '../../main/hub/queue/dispatch.js';
import { CLIP_FACTOR, learntServiceMinutes } from '../../main/hub/estimate/service-times.js';
import { band } from './baselines.js';

const MINUTE = 60_000;
const LEARN = { priorWeight: 3, clipFactor: CLIP_FACTOR };

const elapsed = (t: Ticket, now: number): number => (now - t.issuedAt) / MINUTE;
const classOf = (t: Ticket): string => `${t.service}|${t.priority}`;

interface View {
  /** The service's waiting tickets in the engine's class order (VIP and green first). */
  order: Ticket[];
  open: number;
  idle: number;
}

function views(state: LobbyState, now: number): Map<string, View> {
  const out = new Map<string, View>();
  for (const code of Object.keys(state.services)) {
    const open = Object.values(state.counters).filter((c) => c.status === 'open' && c.services.includes(code));
    out.set(code, { order: orderFor(state, { id: '\u0000', services: [code] }, now), open: open.length, idle: open.filter((c) => c.currentTicketId === null).length });
  }
  return out;
}

function each(state: LobbyState, now: number, figure: (t: Ticket, ahead: number, view: View) => number): Record<string, Estimate> {
  const vs = views(state, now);
  const out: Record<string, Estimate> = {};
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'waiting') continue;
    const view = vs.get(t.service)!;
    const ahead = view.order.indexOf(t);
    out[t.id] = band(ahead < view.idle ? 0 : figure(t, ahead, view));
  }
  return out;
}

export function lesClassPredictor(): WaitPredictor {
  return {
    name: 'LES-class',
    predict(state, now) {
      // The wait of the last customer of the same class who was called.
      const last = new Map<string, { at: number; wait: number }>();
      for (const t of Object.values(state.tickets)) {
        if (t.calledAt === null) continue;
        const k = classOf(t);
        const prev = last.get(k);
        if (!prev || t.calledAt > prev.at) last.set(k, { at: t.calledAt, wait: (t.calledAt - t.issuedAt) / MINUTE });
      }
      return each(state, now, (t) => Math.max(0, (last.get(classOf(t))?.wait ?? 0) - elapsed(t, now)));
    },
  };
}

export function holClassPredictor(): WaitPredictor {
  return {
    name: 'HOL-class',
    predict(state, now) {
      // The longest-waiting ticket of the same class.
      const head = new Map<string, number>();
      for (const t of Object.values(state.tickets)) {
        if (t.status !== 'waiting') continue;
        const k = classOf(t);
        head.set(k, Math.max(head.get(k) ?? 0, elapsed(t, now)));
      }
      return each(state, now, (t) => Math.max(0, (head.get(classOf(t)) ?? 0) - elapsed(t, now)));
    },
  };
}

/** Abandonment rate per minute waited, from today's tickets: no-shows over the minutes called tickets waited. */
function abandonRate(state: LobbyState, now: number): number {
  let noShows = 0;
  let minutes = 0;
  for (const t of Object.values(state.tickets)) {
    if (t.status === 'no_show') noShows++;
    if (t.calledAt !== null) minutes += (t.calledAt - t.issuedAt) / MINUTE;
    else if (t.status === 'waiting') minutes += elapsed(t, now);
  }
  return minutes > 0 ? noShows / minutes : 0;
}

export function qlAbandonPredictor(): WaitPredictor {
  return {
    name: 'QL-abandon',
    predict(state, now) {
      const means = learntServiceMinutes(state, LEARN);
      const theta = abandonRate(state, now);
      return each(state, now, (t, ahead, view) => {
        const rate = Math.max(1, view.open) / means[t.service]!;
        let w = 0;
        for (let i = 0; i <= ahead - view.idle; i++) w += 1 / (rate + i * theta);
        return w;
      });
    },
  };
}

export function holRefinedPredictor(): WaitPredictor {
  return {
    name: 'HOL-refined',
    predict(state, now) {
      return each(state, now, (t, ahead, view) => {
        const head = view.order[0];
        if (!head) return 0;
        return (elapsed(head, now) * (ahead + 1)) / view.order.length;
      });
    },
  };
}

export function classBaselinePredictors(): WaitPredictor[] {
  return [lesClassPredictor(), holClassPredictor(), qlAbandonPredictor(), holRefinedPredictor()];
}
