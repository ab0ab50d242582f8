// A deterministic forward run of the dispatch policy: counters free up one after another,
// each calls what the real policy would call at that moment (classes are re-evaluated at
// the simulated time, so tickets age and appointments fall due on the way), and each service
// lasts its mean. Time is in minutes from `now`.
//
// Expected arrivals enter as fluid work: by simulated time t, λ·t of them have arrived; a
// counter serves that backlog (in pieces of at most one customer) before any real ticket the
// policy would put after them: a lower class, or the same class in a service it prefers less. Counted only up to a horizon, so that a branch whose priority
// traffic alone fills the counters still gets finite estimates.
//
// Spread: each departure before a ticket's call adds (cv·m/s)² to the variance of its call
// time (s active counters), so k departures give sd ≈ √k·cv·m/s, as in the research notes;
// expected arrivals add a compound-Poisson share a·(1+cv²)·(m/s)².
import type { LobbyState, Ticket } from '../../common/domain.js';
import { canCall, CLASS_RANK, compareKeys, rankAt, rankTimes, servicePosition, type RankTimes } from '../queue/dispatch.js';
import type { PriorityRate } from './arrival-rates.js';

export interface SimCounter {
  id: string;
  services: string[];
  /** Minutes from now until it can call: 0 if idle, the rest of its current job otherwise. */
  freeAt: number;
  /** Variance (min²) of that rest, added to later calls once it is over. */
  pendingVariance: number;
  /** Planned pauses (minutes from now): a counter free inside one waits until its end. */
  offs?: { from: number; until: number }[];
}

export interface SimParams {
  meanMinutes: Record<string, number>;
  /** A waiting ticket's own mean service minutes (its kiosk choice's, service-times.ts), where known; else its service's. */
  ticketMinutes?: (ticket: Ticket) => number | undefined;
  rates: readonly PriorityRate[];
  horizonMinutes: number;
  cv: number;
  /** The largest piece of fluid work grows by one customer every this many minutes ahead (default 60). */
  fluidPieceEveryMinutes?: number;
  /** A drawn duration for a ticket called `at` minutes from now (Monte Carlo runs); its mean when absent. */
  durationOf?: (ticket: Ticket, mean: number, at: number) => number;
  /** Counter minutes one expected arrival of mean service `mean` takes (walk and breaks included); `mean` when absent. */
  fluidMinutes?: (mean: number) => number;
}

export interface SimResult {
  minutes: number;
  variance: number;
}

interface Key {
  rank: number;
  position: number;
  ticket: Ticket;
}

interface SimTicket {
  ticket: Ticket;
  times: RankTimes;
  mean: number;
}

const MINUTE = 60_000;
// Fluid work is served once a quarter customer has built up: finer slices change the
// estimates by seconds but multiply the steps of the run.
const FLUID_CHUNK = 0.25;
/** How closely an idle counter's wake-up is found (minutes). */
const NEXT_ARRIVAL_PRECISION = 0.1;

function relative(times: RankTimes, now: number): RankTimes {
  return { ...times, dueAt: (times.dueAt - now) / MINUTE, agedAt: (times.agedAt - now) / MINUTE };
}

export function simulate(state: LobbyState, now: number, tickets: readonly Ticket[], counters: SimCounter[], params: SimParams): Map<string, SimResult> {
  const results = new Map<string, SimResult>();
  const meanOf = (service: string): number => params.meanMinutes[service] ?? 5;
  const sim: SimTicket[] = tickets.map((ticket) => ({ ticket, times: relative(rankTimes(state, ticket), now), mean: params.ticketMinutes?.(ticket) ?? meanOf(ticket.service) }));

  // Which tickets each counter may call, and at which service position: fixed for the run.
  const eligible = counters.map((c) => sim.map((t) => (canCall(c, t.ticket) ? servicePosition(c, t.ticket) : -1)));
  // How many tickets still waiting in the run each counter may call: a counter with none
  // skips the scan (it may still serve later arrivals).
  const callable = eligible.map((positions) => positions.filter((p) => p >= 0).length);
  const rates = counters.map((c) => params.rates.map((r, i) => ({ r, i, position: c.services.indexOf(r.service) })).filter((x) => x.position >= 0));
  const servedFluid = params.rates.map(() => 0);
  // Minutes after which an arrival of each stream has aged (VIP, elderly and normal ones age;
  // green and due appointments already rank above aged).
  const ageLimits = params.rates.map((r) =>
    r.rank > CLASS_RANK.aged ? (state.services[r.service]?.maxWaitMinutes ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
  );
  const arrivedBy = (r: PriorityRate, t: number): number => {
    const x = Math.max(0, Math.min(t, params.horizonMinutes));
    return r.arrivedBy ? r.arrivedBy(x) : r.perMinute * x;
  };

  /**
   * When a whole piece of later arrivals this counter serves has built up, after `t` (a
   * counter woken for a quarter customer at a time would take four times the steps): found
   * by bisection on the expected arrivals, which only grow; null if none does before the horizon.
   */
  const nextArrival = (ci: number, t: number): number | null => {
    const h = params.horizonMinutes;
    const streams = rates[ci]!.filter((r) => contested(ci, r.r.service));
    const ready = (x: number): boolean => streams.some((r) => arrivedBy(r.r, x) - servedFluid[r.i]! >= pieceAt(x));
    if (t >= h || streams.length === 0 || !ready(h)) return null;
    let low = t;
    let high = h;
    while (high - low > NEXT_ARRIVAL_PRECISION) {
      const mid = (low + high) / 2;
      if (ready(mid)) high = mid;
      else low = mid;
    }
    return high;
  };

  /**
   * Whether later arrivals of `service` would otherwise fall on another counter that still has
   * tickets to call: only then does an idle counter serving them change anyone's wait.
   */
  const contested = (ci: number, service: string): boolean =>
    counters.some((c, i) => i !== ci && active[i] && callable[i]! > 0 && c.services.includes(service));

  /** The largest piece of fluid work served at once at `t`: one customer, more far ahead. */
  const pieceAt = (t: number): number => Math.max(1, t / (params.fluidPieceEveryMinutes ?? 60));

  const keys: Key[] = sim.map((t) => ({ rank: 0, position: 0, ticket: t.ticket }));
  const active = counters.map(() => true);
  let activeCount = counters.length;
  const left = sim.map((_, i) => i);
  let variance = 0;
  let guard = 20 * (sim.length + 10) + 10 * params.horizonMinutes;

  while (left.length > 0 && activeCount > 0 && guard-- > 0) {
    let ci = -1;
    for (let i = 0; i < counters.length; i++) {
      if (active[i] && (ci < 0 || counters[i]!.freeAt < counters[ci]!.freeAt)) ci = i;
    }
    const counter = counters[ci]!;
    const t = counter.freeAt;
    const off = counter.offs?.find((w) => t >= w.from && t < w.until);
    if (off) {
      // The rota's pause: taken once the current customer is done, as tellers do.
      counter.freeAt = off.until;
      counter.offs = counter.offs!.filter((w) => w !== off);
      continue;
    }
    variance += counter.pendingVariance;
    counter.pendingVariance = 0;

    // The real ticket this counter would call now. Keys are scratch objects reused across
    // steps: this loop runs (tickets × steps) times and must not allocate.
    let best = -1;
    let bestKey: Key | null = null;
    const positions = eligible[ci]!;
    for (let j = 0; callable[ci]! > 0 && j < left.length; j++) {
      const k = left[j]!;
      const position = positions[k]!;
      if (position < 0) continue;
      const rank = rankAt(sim[k]!.times, t);
      if (bestKey !== null && rank > bestKey.rank) continue;
      const key = keys[k]!;
      key.rank = rank;
      key.position = position;
      if (bestKey === null || compareKeys(key, bestKey) < 0) {
        best = j;
        bestKey = key;
      }
    }

    if (bestKey === null && !counters.some((_, i) => active[i] && callable[i]! > 0)) {
      // No counter left in the run can call any ticket still waiting in it: the rest is for
      // the caller's second run (closed counters, stand-ins), and serving later arrivals
      // here would only cost time.
      break;
    }

    // Expected priority arrivals of a higher class go first; a counter with no real ticket it
    // may call serves later arrivals of its services as they come.
    let fluid: { r: PriorityRate; i: number; position: number; rank: number; backlog: number } | null = null;
    for (const x of rates[ci]!) {
      if (bestKey === null && !contested(ci, x.r.service)) continue;
      let backlog = arrivedBy(x.r, t) - servedFluid[x.i]!;
      if (backlog < FLUID_CHUNK) continue;
      // Fluid is served oldest first; the part of it that arrived more than the service's
      // longest wait ago has aged, as a real ticket would, and is called as an aged ticket
      // (on an overloaded day a later cash arrival, aged, still goes before an aged non-cash
      // ticket at a cash-first counter).
      let rank: number = x.r.rank;
      const limit = ageLimits[x.i]!;
      if (t > limit) {
        const aged = arrivedBy(x.r, t - limit) - servedFluid[x.i]!;
        if (aged >= FLUID_CHUNK) {
          rank = CLASS_RANK.aged;
          backlog = aged;
        }
      }
      // Later arrivals go first only where the policy puts them first: a higher class, or the
      // same class and a service this counter prefers (a later cash customer before an earlier
      // non-cash one at a cash-first counter).
      if (bestKey !== null && (rank > bestKey.rank || (rank === bestKey.rank && x.position >= bestKey.position))) continue;
      if (!fluid || rank < fluid.rank || (rank === fluid.rank && x.position < fluid.position)) fluid = { ...x, rank, backlog };
    }
    const s = activeCount;
    if (fluid) {
      // Far ahead, in pieces of several customers: the order there is rough anyway, and a
      // whole day of arrivals one by one would double the cost of a prediction.
      // A counter with nothing real to call takes all that has built up at once: it only keeps
      // later arrivals off the other counters, and a steady stream would otherwise cost a step
      // per customer for the whole horizon.
      const amount = bestKey === null ? fluid.backlog : Math.min(fluid.backlog, pieceAt(t));
      const m = meanOf(fluid.r.service);
      servedFluid[fluid.i]! += amount;
      counter.freeAt = t + amount * (params.fluidMinutes ? params.fluidMinutes(m) : m);
      counter.pendingVariance = amount * (1 + params.cv * params.cv) * (m / s) ** 2;
      continue;
    }
    if (bestKey === null) {
      // Nothing real to call and no later arrival yet: the counter waits for arrivals until
      // the horizon. Were it to leave the run, the cash counter's later customers would fall
      // on the general counters and non-cash customers' estimates would run long.
      const next = nextArrival(ci, t);
      if (next === null) {
        active[ci] = false;
        activeCount--;
      } else {
        counter.freeAt = next;
      }
      continue;
    }

    const k = left[best]!;
    left[best] = left[left.length - 1]!;
    left.pop();
    for (let c = 0; c < counters.length; c++) if (eligible[c]![k]! >= 0) callable[c]!--;
    const chosen = sim[k]!;
    results.set(chosen.ticket.id, { minutes: t, variance });
    counter.freeAt = t + (params.durationOf ? params.durationOf(chosen.ticket, chosen.mean, t) : chosen.mean);
    counter.pendingVariance = ((params.cv * chosen.mean) / s) ** 2;
  }
  return results;
}
