// What the lobby watcher alerts the manager to, decided from the live state alone: pure, so
// every rule is unit-tested with a fixed clock. Each condition has a stable key; the watcher
// raises it while it holds and resolves it once it no longer does.
import type { RaiseAlert } from '../alerts/alert-book.js';
import type { Estimate, LobbyState } from '../../common/domain.js';

const MINUTE = 60_000;

export interface WatchThresholds {
  /**
   * A new ticket's estimate above this many minutes alerts the manager. Decision: 10 by
   * default. The sources say perceived waiting grows faster than real waiting past about
   * three minutes (a 5-minute wait feels like 10), so a 10-minute estimate already feels
   * like twenty: time to open a counter or send people to self-service.
   */
  estimateMinutes: number;
  /** An open, free counter whose services have people waiting, for this long, is idle. */
  idleMinutes: number;
  /** A ticket recalled this many times (the last allowed recall by default) needs the manager to find the customer. */
  recalls: number;
}

export const DEFAULT_THRESHOLDS: WatchThresholds = { estimateMinutes: 10, idleMinutes: 2, recalls: 2 };

/** The alert kinds the watcher owns: it raises and resolves them, never anyone else's. */
export const WATCHED_KINDS = ['wait_over_target', 'estimate_over_threshold', 'counter_idle', 'repeated_recall'] as const;

export type Condition = RaiseAlert & { key: string };

const minutes = (ms: number) => Math.floor(ms / MINUTE);

/**
 * @param newTicketEstimates what a normal ticket issued now would wait, per service code.
 */
export function lobbyConditions(
  state: LobbyState,
  newTicketEstimates: Record<string, Estimate>,
  now: number,
  limits: WatchThresholds = DEFAULT_THRESHOLDS,
): Condition[] {
  if (!state.day || state.day.status !== 'open') return [];
  const out: Condition[] = [];
  const tickets = Object.values(state.tickets);
  const waiting = tickets.filter((t) => t.status === 'waiting');

  for (const t of waiting) {
    const service = state.services[t.service];
    if (!service) continue;
    const waited = now - t.issuedAt;
    // The alert says "waited 16 min, past the 15 min target": the whole minutes it shows must
    // be past the target, so 15 min 30 s is not yet (it would read "15 min, past 15 min").
    if (minutes(waited) > service.targetWaitMinutes) {
      out.push({
        kind: 'wait_over_target',
        key: `wait:${t.id}`,
        ticket: t.number,
        details: { service: service.code, minutes: minutes(waited), target: service.targetWaitMinutes },
      });
    }
  }

  for (const service of Object.values(state.services)) {
    const e = newTicketEstimates[service.code];
    // A service nobody serves now (estimate.closed) has no wait to be over: its minutes are
    // the estimator's stand-in (a counter assumed back in ten minutes), which screens do not
    // show, and opening a counter is not a response to them. Conditions on real waiting
    // tickets (wait_over_target, elderly near their turn) still hold.
    if (e?.closed) continue;
    // Compared as shown: "would wait 11 min, over 10 min". An estimate of 10.3 min reads as
    // 10 min, which is not over 10 (the issue saw "10 min, over 10 min").
    const shown = e ? Math.round(e.minutes) : 0;
    if (e && shown > limits.estimateMinutes) {
      out.push({
        kind: 'estimate_over_threshold',
        key: `estimate:${service.code}`,
        details: { service: service.code, minutes: shown, threshold: limits.estimateMinutes },
      });
    }
  }

  for (const c of Object.values(state.counters)) {
    if (c.status !== 'open' || c.currentTicketId !== null) continue;
    // A ticket sent to another counter is not this counter's to call.
    const callable = waiting.filter((t) => c.services.includes(t.service) && (t.targetCounter === null || t.targetCounter === c.id));
    if (callable.length === 0) continue;
    // Idle since it opened or resumed, or since it last let a customer go, whichever is later.
    const lastRelease = tickets.reduce((max, t) => (t.counter === c.id && t.finishedAt !== null ? Math.max(max, t.finishedAt) : max), 0);
    const idleFor = now - Math.max(c.since, lastRelease);
    if (idleFor >= limits.idleMinutes * MINUTE) {
      out.push({ kind: 'counter_idle', key: `idle:${c.id}`, counter: c.id, details: { minutes: minutes(idleFor), waiting: callable.length } });
    }
  }

  for (const t of tickets) {
    if ((t.status === 'called' || t.status === 'recalled') && t.recalls >= limits.recalls) {
      out.push({ kind: 'repeated_recall', key: `recall:${t.id}`, ticket: t.number, counter: t.counter, details: { recalls: t.recalls } });
    }
  }
  return out;
}
