// The advisor (issue 17 point 2): which waiting customers will wait past their service's
// maximum wait, and the one counter move that removes most of those breaches.
//
// The forecast is read off the estimator's own Monte Carlo (estimate/atrium.ts `runs`): in each
// forward run a waiting ticket is called at some minute; it breaches when what it has waited
// already plus that minute passes its service's maximum wait (Service.maxWaitMinutes, the limit
// the dispatch policy ages tickets at; 30 minutes where a service has none). A ticket's breach
// probability is the share of runs in which it does; the expected breaches are their sum, over
// the tickets not yet past their maximum (those are past saving, whatever anyone does).
//
// Candidates: call a paused counter back; open a closed counter with a free teller, the service
// at risk first; put a service at risk first at a counter whose own first service nobody waits
// for; invite the last few waiting customers of a business a self-service machine does (取款存款)
// to it (分流), judged as if a quarter of them accept (divertAcceptShare). Each is applied to a
// copy of the live state, judged on that copy, and run through the same Monte Carlo: the
// predictor seeds its draws from the tickets and the clock, not the counters, so the
// candidates are compared on the same draws (a paired comparison: differences of a few tenths
// of a breach are the move's, not the dice's). The move that removes most expected breaches
// wins, if it removes at least one; ties go to the lighter move (a switch asks nobody to come
// back, a resume cuts a break short, an open needs another person).
//
// The customers of the next ARRIVALS_MINUTES count too: a move judged on the tickets waiting
// now alone takes a cash-first counter to the non-cash queue, saves two non-cash customers and
// lets ten later cash customers breach (the bench saw exactly that on its busy days). So the
// moves are compared on the live state plus the next minutes' customers of each service, as
// waiting tickets issued at their expected times (today's rate over the last hour): each is a
// breach when called more than its maximum after its own issue. The warning itself is read off
// the tickets waiting now.
import { createHash } from 'node:crypto';
import type { LobbyState } from '../../common/domain.js';
import type { Advice, AdviceAction, BreachForecast, TicketRisk } from '../../common/advisor.js';
import type { QueueCommand } from '../../common/events.js';

const MINUTE = 60_000;
/** How far ahead the customers still to come count in the comparison of moves. */
export const ARRIVALS_MINUTES = 20;
/** Today's rate per service is read over this window (or since the day opened, if later). */
const RATE_WINDOW_MINUTES = 60;
const PHANTOM = '\u0000next:';

/**
 * The state with the next `minutes` of each service's expected customers added as waiting
 * tickets issued at their expected times: normal priority, today's rate over the last hour.
 */
export function withArrivals(state: LobbyState, now: number, minutes = ARRIVALS_MINUTES): LobbyState {
  const day = state.day;
  if (!day || minutes <= 0) return state;
  const from = Math.max(day.openedAt, now - RATE_WINDOW_MINUTES * MINUTE);
  const span = Math.max((now - from) / MINUTE, 15);
  const counts = new Map<string, number>();
  for (const t of Object.values(state.tickets)) if (t.issuedAt >= from && t.issuedAt <= now) counts.set(t.service, (counts.get(t.service) ?? 0) + 1);
  const tickets = { ...state.tickets };
  for (const [service, count] of counts) {
    const perMinute = count / span;
    const n = Math.round(perMinute * minutes);
    for (let j = 0; j < n; j++) {
      const id = `${PHANTOM}${service}:${j}`;
      tickets[id] = {
        id,
        number: '',
        service,
        priority: 'normal',
        status: 'waiting',
        businessDay: day.date,
        issuedAt: now + Math.round(((j + 0.5) / perMinute) * MINUTE),
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        counter: null,
        targetCounter: null,
        appointmentAt: null,
        recalls: 0,
        transfers: 0,
        tags: [],
      };
    }
  }
  return { ...state, tickets };
}

/** Each waiting ticket's call time in every forward run, minutes from now (AtriumPredictor.runs). */
export type RunsOf = (state: LobbyState, now: number) => Map<string, number[]> | null;

export const ADVISOR = {
  /** The branch's maximum wait where a service has none (several provincial regulators set 30). */
  defaultMaxWaitMinutes: 30,
  /** The console warns when a likely breach begins within this many minutes. */
  warnWithinMinutes: 20,
  /** A breach is "likely" from this probability on. */
  likely: 0.5,
  /** Tickets listed as at risk from this probability on. */
  listFrom: 0.1,
  /** A move is proposed only if it removes at least this many expected breaches. */
  minSaves: 1,
  /** Wall-clock budget of one evaluation (ms): candidates beyond it are not tried. */
  budgetMs: 200,
  /** Services at risk a move is tried for, the most breaches first. */
  riskServices: 3,
  /**
   * Kiosk choices whose business a self-service machine does: the demo's 取款存款 (not 大额取款 or
   * 转账汇款, whose counter check against fraud is the point). A branch whose choices are named
   * otherwise gets no invitation to self-service.
   */
  divertChoices: ['cash'] as readonly string[],
  /** Customers invited to self-service in one move, at most. */
  divertMax: 6,
  /** The share of those invited a move is judged to remove (whole customers, at least one). */
  divertAcceptShare: 0.25,
};

export function maxWaitOf(state: LobbyState, service: string, fallback = ADVISOR.defaultMaxWaitMinutes): number {
  const m = state.services[service]?.maxWaitMinutes;
  return m !== undefined && Number.isFinite(m) && m > 0 ? m : fallback;
}

/** The breach forecast from the forward runs' call times. */
export function breachForecast(state: LobbyState, now: number, runs: Map<string, number[]>, fallbackMaxWait = ADVISOR.defaultMaxWaitMinutes): BreachForecast {
  let expected = 0;
  let first: number | null = null;
  const atRisk: TicketRisk[] = [];
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'waiting') continue;
    const limit = maxWaitOf(state, t.service, fallbackMaxWait);
    // A customer still to come (withArrivals) has waited less than nothing: its own issue is ahead.
    const waited = (now - t.issuedAt) / MINUTE;
    if (waited >= limit) continue;
    const calls = runs.get(t.id) ?? [];
    // A ticket no run reached waits past any limit.
    const probability = calls.length === 0 ? 1 : calls.filter((x) => waited + x > limit).length / calls.length;
    const breachInMinutes = limit - waited;
    expected += probability;
    if (probability >= ADVISOR.likely && (first === null || breachInMinutes < first)) first = breachInMinutes;
    if (probability >= ADVISOR.listFrom && !t.id.startsWith(PHANTOM)) atRisk.push({ ticket: t.id, number: t.number, service: t.service, probability, breachInMinutes });
  }
  atRisk.sort((a, b) => b.probability - a.probability || a.breachInMinutes - b.breachInMinutes);
  return { expected, firstInMinutes: first, atRisk };
}

/** Whether the forecast warrants a warning: a likely breach begins within `warnWithinMinutes`. */
export function warns(forecast: BreachForecast, withinMinutes = ADVISOR.warnWithinMinutes): boolean {
  return forecast.firstInMinutes !== null && forecast.firstInMinutes <= withinMinutes;
}

/** The state as it would be right after the move. */
export function applyAction(state: LobbyState, action: AdviceAction, now: number): LobbyState {
  if (action.kind === 'divert') {
    // As many as are expected to accept, rounded down (at least one): the advice promises no more.
    const accepting = action.tickets.slice(0, Math.max(1, Math.floor(action.tickets.length * ADVISOR.divertAcceptShare)));
    const tickets = { ...state.tickets };
    for (const id of accepting) if (tickets[id]) tickets[id] = { ...tickets[id], status: 'cancelled' };
    return { ...state, tickets };
  }
  const c = state.counters[action.counter];
  if (!c) return state;
  const next =
    action.kind === 'open'
      ? { ...c, status: 'open' as const, staffId: action.staffId, services: [...action.services], pauseReason: null, since: now }
      : action.kind === 'resume'
        ? { ...c, status: 'open' as const, pauseReason: null, since: now }
        : { ...c, services: [...action.services] };
  return { ...state, counters: { ...state.counters, [c.id]: next } };
}

export interface CandidateLimits {
  /** Tellers free to open a counter (signed in nowhere, on duty); none: no counter is opened. */
  freeStaff: readonly string[];
  /** Whether a paused counter may be called back (the bench keeps tellers at lunch); default: any. */
  mayResume?: (counter: string) => boolean;
  /** Whether a closed counter may be opened (the bench keeps its tellers' own counters for them); default: any. */
  mayOpen?: (counter: string) => boolean;
  /** Whether a counter's services may be changed now (a counter just switched is left alone for a while); default: any. */
  maySwitch?: (counter: string) => boolean;
  /** Kiosk choices a self-service machine does (default ADVISOR.divertChoices; empty: no invitation). */
  divertChoices?: readonly string[];
  /** Whether a waiting ticket may be invited to self-service (one invited already is not asked twice); default: any. */
  mayInvite?: (ticket: string) => boolean;
}

const first = (service: string, services: readonly string[]): string[] => [service, ...services.filter((s) => s !== service)];

/** How heavy a move is for the people in the branch: on equal effect the lighter one is proposed. */
// An invitation costs the manager a few words and no teller's time.
const WEIGHT: Record<AdviceAction['kind'], number> = { switch: 0, divert: 1, resume: 2, open: 3 };

/** The last issued waiting tickets of `service` a self-service machine could serve, the last first. */
function invitable(state: LobbyState, service: string, limits: CandidateLimits): { id: string; number: string }[] {
  const choices = new Set(limits.divertChoices ?? ADVISOR.divertChoices);
  if (choices.size === 0) return [];
  return Object.values(state.tickets)
    .filter((t) => t.status === 'waiting' && t.service === service && t.priority === 'normal' && t.choice !== undefined && choices.has(t.choice) && !t.id.startsWith(PHANTOM) && (limits.mayInvite?.(t.id) ?? true))
    .sort((a, b) => b.issuedAt - a.issuedAt || b.id.localeCompare(a.id))
    .slice(0, ADVISOR.divertMax)
    .map((t) => ({ id: t.id, number: t.number }));
}

/** The moves worth simulating for this forecast. */
export function candidates(state: LobbyState, forecast: BreachForecast, limits: CandidateLimits): AdviceAction[] {
  const weight = new Map<string, number>();
  for (const r of forecast.atRisk) weight.set(r.service, (weight.get(r.service) ?? 0) + r.probability);
  const services = [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, ADVISOR.riskServices)
    .map(([s]) => s);
  if (services.length === 0) return [];
  const waitingFor = new Map<string, number>();
  for (const t of Object.values(state.tickets)) if (t.status === 'waiting') waitingFor.set(t.service, (waitingFor.get(t.service) ?? 0) + 1);
  const counters = Object.values(state.counters).sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  // Tried in order of likely strength, since the time budget may cut the list: opening a counter
  // (at most two per service), calling one back, switches, then invitations to self-service.
  const opens: AdviceAction[] = [];
  const diverts: AdviceAction[] = [];
  for (const s of services) {
    const list = invitable(state, s, limits);
    if (list.length > 0) diverts.push({ kind: 'divert', service: s, tickets: list.map((t) => t.id), numbers: list.map((t) => t.number) });
  }
  const resumes: AdviceAction[] = [];
  const switches: AdviceAction[] = [];
  // Within a service, counters that already serve it come first: on a tie the move asks nobody
  // to do business their counter is not set up for.
  const serving = (s: string) => [...counters].sort((a, b) => Number(!a.services.includes(s)) - Number(!b.services.includes(s)));
  for (const s of services) {
    for (const c of serving(s)) {
      // Only a counter nobody waits for first is turned to another queue: on a busy day a switch
      // away from a queue with people in it only moves the breaches between queues, and the
      // queue it leaves pays later (the bench's busy days lost more than they gained, even
      // with the next minutes' customers counted).
      if (c.status === 'closed' || c.services[0] === s || (waitingFor.get(c.services[0]!) ?? 0) > 0 || !(limits.maySwitch?.(c.id) ?? true)) continue;
      switches.push({ kind: 'switch', counter: c.id, from: [...c.services], services: first(s, c.services) });
    }
  }
  for (const c of counters) {
    if (c.status === 'paused' && (limits.mayResume?.(c.id) ?? true)) resumes.push({ kind: 'resume', counter: c.id });
  }
  const staff = limits.freeStaff[0];
  if (staff !== undefined) {
    for (const s of services) {
      const closed = serving(s).filter((c) => c.status === 'closed' && (limits.mayOpen?.(c.id) ?? true));
      for (const c of closed.slice(0, 2)) opens.push({ kind: 'open', counter: c.id, staffId: staff, services: first(s, c.services) });
    }
  }
  return [...opens, ...resumes, ...switches, ...diverts];
}

/**
 * The engine's commands for a move, as a manager's taps would give them. An invitation to
 * self-service has none: the manager speaks to the customers, and each who accepts is marked
 * through the self-service triage.
 */
export function commandsOf(action: AdviceAction): QueueCommand[] {
  switch (action.kind) {
    case 'open':
      return [
        { type: 'counter.open', counter: action.counter, staffId: action.staffId },
        { type: 'counter.set_services', counter: action.counter, services: action.services },
      ];
    case 'switch':
      return [{ type: 'counter.set_services', counter: action.counter, services: action.services }];
    case 'resume':
      return [{ type: 'counter.resume', counter: action.counter }];
    case 'divert':
      return [];
  }
}

/** A stable id of an advice: its move and its figures, so a decision on a stale advice is refused. */
export function adviceId(action: AdviceAction | null, saves: number): string {
  return createHash('sha256').update(JSON.stringify({ action, saves })).digest('hex').slice(0, 16);
}

export interface Evaluation {
  advice: Advice | null;
  /** Candidates simulated, and those left untried for the time budget. */
  tried: number;
  skipped: number;
  ms: number;
}

export interface EvaluateOptions extends CandidateLimits {
  budgetMs?: number;
  fallbackMaxWait?: number;
  warnWithinMinutes?: number;
  /** Minutes of customers still to come counted in the comparison (default ARRIVALS_MINUTES; 0: none). */
  arrivalsMinutes?: number;
  /** Least whole breaches a move must remove (default ADVISOR.minSaves). */
  minSaves?: number;
  /** Least share of the expected breaches a move must remove (default 0). */
  minShare?: number;
  /** The clock the budget is measured by (tests pass a fake one). */
  timer?: () => number;
}

/**
 * The advice for the lobby now: null when no breach is likely within the warning window;
 * otherwise the forecast, with the best move if one removes at least `ADVISOR.minSaves`.
 */
export function evaluate(state: LobbyState, now: number, runsOf: RunsOf, options: EvaluateOptions): Evaluation {
  const timer = options.timer ?? (() => performance.now());
  const started = timer();
  const budget = options.budgetMs ?? ADVISOR.budgetMs;
  const done = (advice: Advice | null, tried: number, skipped: number): Evaluation => ({ advice, tried, skipped, ms: timer() - started });
  if (!state.day || state.day.status !== 'open') return done(null, 0, 0);
  const runs = runsOf(state, now);
  if (!runs) return done(null, 0, 0);
  const forecast = breachForecast(state, now, runs, options.fallbackMaxWait);
  if (!warns(forecast, options.warnWithinMinutes)) return done(null, 0, 0);

  const list = candidates(state, forecast, options);
  // The comparison: the live state and the customers of the next minutes, with and without each move.
  const ahead = withArrivals(state, now, options.arrivalsMinutes ?? ARRIVALS_MINUTES);
  const baseRuns = ahead === state ? runs : runsOf(ahead, now);
  const base = baseRuns ? breachForecast(ahead, now, baseRuns, options.fallbackMaxWait).expected : forecast.expected;
  let best: { action: AdviceAction; expected: number } | null = null;
  let tried = 0;
  for (const action of list) {
    if (tried > 0 && timer() - started > budget) break;
    tried++;
    const moved = applyAction(ahead, action, now);
    const after = runsOf(moved, now);
    if (!after) continue;
    // Judged on the state after the move: a customer gone to self-service waits no more (on the
    // state before it, a ticket no run reached would count as a certain breach).
    const expected = breachForecast(moved, now, after, options.fallbackMaxWait).expected;
    // Lower is better; within a hundredth of a breach the lighter move (or the one tried first) wins.
    if (best === null || expected < best.expected - 0.01 || (expected < best.expected + 0.01 && WEIGHT[action.kind] < WEIGHT[best.action.kind])) best = { action, expected };
  }
  const saves = best ? Math.floor(base - best.expected + 1e-9) : 0;
  const proposed = best !== null && saves >= (options.minSaves ?? ADVISOR.minSaves) && saves >= (options.minShare ?? 0) * forecast.expected ? best : null;
  const advice: Advice = {
    id: adviceId(proposed?.action ?? null, proposed ? saves : 0),
    computedAt: new Date(now).toISOString(),
    forecast,
    action: proposed?.action ?? null,
    // Of the customers waiting now and the next minutes' together, as the move was judged.
    expectedWith: proposed ? Math.max(0, forecast.expected - (base - proposed.expected)) : null,
    saves: proposed ? saves : 0,
  };
  return done(advice, tried, list.length - tried);
}
