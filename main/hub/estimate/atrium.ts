// Atrium's own predictor: the live state run forward under the real dispatch policy.
//
// By default it is a Monte Carlo (`runs` forward runs, seeded from the state so the same
// state gives the same estimate): service times are drawn lognormal around the learnt means,
// a job in progress is drawn conditioned on how long it has run, each call holds the counter
// for the learnt walk to it, and each waiting ticket is, with a chance that grows with how
// long it will have waited when reached (today's leaving rate per minute, no-shows.ts), a
// customer who has left and costs the counter only the call and a recall; short breaks
// nobody has announced take a share of counter time; later arrivals come in the numbers of a
// Poisson draw around the expected ones (arrival-noise.ts). The mean of the runs is the
// estimate. The printed range is the 10th–90th percentile of a gamma distribution with the
// runs' mean and their standard deviation (× 2 above the estimate), at least ±0.5 minute
// (spread.ts), calibrated by bench/calibrate-range.ts on days the bench does not score: the
// runs' own spread leaves out what no model has (an unannounced lunch, a business mix that
// differs from the learnt one), and realised waits run longer than estimated more often
// than shorter (bench/README.md has the coverage). In a quiet lobby of at most QUIET_WAITING
// tickets (issue 15) it is the narrowest whole-minute range holding 80% of 400 runs (QUIET_RANGE).
//
// What the branch knows beforehand (options, built by the hub in ledger-knowledge.ts): the
// rota of planned pauses (a counter due for lunch finishes its customer, then is away until
// the rota's end), the arrival profile learnt from past days (later arrivals who will be
// called first, at the rate of the time of day, instead of today's average so far), and the
// past days' history (branch-history.ts: service means and CVs as the prior of today's, per
// kiosk choice where the past days have enough of it, the walk to the counter, the share of
// time on breaks). A ticket issued under a kiosk choice (转账汇款, 理财) is drawn from its
// choice's service times, a waiting one and one in progress alike: the business within a
// service differs several-fold, and the kiosk asked which it is.
//
// Why not one run with mean durations (bench/README.md has the figures): it calls the first
// customers too late when several counters are busy (the first of s jobs ends long before
// the mean), reads "mean − elapsed" as nearly done for a long job, and counts customers who
// have left as full services. `runs: 1` is the
// deterministic run with mean durations and a gamma band, kept for its exact behaviour.
//
// Which counters take part: open ones, from the end of their current job (drawn, or in the
// deterministic run max(mean − elapsed, floor); a called customer still walking up adds a
// short walk);
// paused ones, back after the typical length of their pause reason. Closed counters do
// not come back, except for tickets nothing else can call (at the start of the day, or a
// service whose counters have all closed): those come from a second run in which closed
// counters open after `closedReturnMinutes`, and a service or target no counter can serve
// gets a stand-in counter of its own, so every waiting ticket has an estimate.
import type { Estimate, LobbyState, PauseReason, Ticket } from '../../common/domain.js';
import type { BranchHistory } from './branch-history.js';
import { learntLeavingRate, learntNoShows } from './no-shows.js';
import { canCall } from '../queue/dispatch.js';
import { priorityArrivalRates, type PriorityRate } from './arrival-rates.js';
import { profileArrivalRates, type ArrivalProfile } from './arrival-profile.js';
import { pauseWindows, type PauseWindow, type StaffRota } from './rota.js';
import type { WaitPredictor } from './predictor.js';
import { drawRemaining, seededRandom, standardNormal } from './sampling.js';
import { noisyArrivals } from './arrival-noise.js';
import { CLIP_FACTOR, learntChoiceTimes, learntServiceCv, learntServiceMinutes, learntWalkUpMinutes, type ChoiceTimes } from './service-times.js';
import { simulate, type SimCounter, type SimParams, type SimResult } from './simulate.js';
import { narrowestRange, rangeFromRuns, toEstimate, Z90 } from './spread.js';
import * as PRIORS from './priors.js';

export interface AtriumOptions {
  /** Typical length of each pause reason, where the rota does not say when the counter is back. */
  pauseMinutes?: Partial<Record<PauseReason, number>>;
  /**
   * Expected arrivals are counted this far ahead; 0 turns them off. Default: the rest of a
   * business day (480) with a learnt profile, which ends at closing time; 120 with today's
   * average rate, which would otherwise run on for ever.
   */
  arrivalHorizonMinutes?: number;
  /** Monte Carlo runs; 1 gives the deterministic run with mean durations. */
  runs?: number;
  /**
   * Share of counter time lost to short breaks nobody has announced yet (Monte Carlo runs).
   * Default: the branch's past days (`history.breakShare`, without the pauses today's rota
   * plans: the runs hold a counter for those, day-kinds.ts `plannedByRota`), else priors.ts
   * `BREAK_SHARE`.
   */
  breakAllowance?: number;
  /** The rate per minute waited at which customers leave, assumed before today has any reached; default: the past days' (history), else priors.ts. */
  leavingPriorPerMinute?: number;
  /**
   * What the branch's past days say (branch-history.ts): service means and CVs, the prior of
   * today's, and the share of time lost to breaks. A function is asked at every prediction.
   */
  history?: BranchHistory | (() => BranchHistory | null);
  /**
   * The branch's planned counter pauses (setting `estimate.rota`); none: pauses are seen only
   * once taken. A function is asked at every prediction (the admin may change the rota).
   */
  rota?: StaffRota | (() => StaffRota);
  /**
   * Expected arrivals by time of day, learnt from past days; a function is asked at every
   * prediction (the hub relearns it once a day). None: today's average rate so far.
   */
  arrivalProfile?: ArrivalProfile | (() => ArrivalProfile | null);
  /** The branch's zone, minutes east of UTC, for the rota's and the profile's clock times; default: this machine's. */
  utcOffsetMinutes?: number;
}

const MINUTE = 60_000;
/** Waiting tickets × runs per prediction at most, and the fewest runs however crowded. */
const RUN_BUDGET = 2400;
const MIN_RUNS = 6;
const PROFILE_HORIZON_MINUTES = 480;
const RATE_HORIZON_MINUTES = 120;
/**
 * The runs' standard deviation × 1 below the estimate and × 2 above it, at least ±0.5 minute:
 * realised waits run longer than estimated more often than shorter. Calibrated by
 * bench/calibrate-range.ts on days the bench does not score, so the range holds about 80%.
 */
const BAND = { z: Z90, below: 1, above: 2, minMinutes: 0.5 };
/**
 * A quiet lobby (at most QUIET_WAITING tickets waiting, the asked-about one included): the
 * narrowest whole-minute range holding 80% of the runs' own call times (spread.ts
 * `narrowestRange`), from `runs` forward runs: 400 runs of six tickets take about as long as 24
 * runs of a hundred (20–30 ms here), the busiest lobby's cost. BAND's ×2 above was calibrated
 * on busy days, where what no model has (an unannounced lunch among eight counters, a
 * business mix unlike the learnt one) dominates the error; with a handful waiting the wait is one or two services at one or two
 * counters, whose spread the runs draw themselves (a job in progress conditioned on how long it
 * has run). A gamma band on their mean and deviation (×1 / ×1 before) spent width on both tails
 * of a skewed wait: behind a single job in progress the rest of the job piles up near zero,
 * below the gamma's 10th percentile, and the band was 1.7 times the estimate where the narrowest
 * range of the same share starts at zero; and 24 runs' deviation swung from one state to the
 * next. On simulated quiet lobbies (quiet-coverage.test.ts), as the screens show it: median
 * width 1.14 → 0.95 of the estimate, p90 2.02 → 1.54, real waits held 83.3% → 81.8%.
 */
export const QUIET_RANGE = { mass: 0.8, runs: 400 };
export const QUIET_WAITING = 6;
/**
 * The model's fixed settings: priors (priors.ts, with where each comes from) that today's and
 * the past days' records overrule, and the model's own bounds.
 */
const FIXED = {
  /** How many observations the configured service time is worth, and the past days' mean. */
  priorWeight: PRIORS.SERVICE_PRIOR_WEIGHT,
  historyWeight: PRIORS.HISTORY_WEIGHT,
  /** Observed durations are clipped at this multiple of the prior. */
  clipFactor: CLIP_FACTOR,
  /** Least time left for a job in progress or a pause, however long it has run. */
  minRemainingMinutes: 0.5,
  /** Time for a called customer to reach the counter, before the past days' or today's are known. */
  walkUpMinutes: PRIORS.WALK_UP_MINUTES,
  /** When a closed counter is assumed back for tickets nothing else can call. */
  closedReturnMinutes: PRIORS.CLOSED_RETURN_MINUTES,
  minRateWindowMinutes: 30,
  /** Coefficient of variation of a service time in the deterministic run (1 = exponential). */
  serviceCv: 1,
  /** CV of the lognormal service times drawn in the Monte Carlo runs, before today's are learnt. */
  sampleCv: PRIORS.SERVICE_CV,
  /** Share of no-shows assumed before today has any, and how many tickets that guess is worth. */
  noShowPrior: PRIORS.NO_SHOW_SHARE,
  noShowPriorWeight: PRIORS.NO_SHOW_PRIOR_WEIGHT,
  /** How many minutes of waiting the assumed (or past days') leaving rate is worth. */
  leavingPriorMinutes: PRIORS.LEAVING_PRIOR_MINUTES,
  /**
   * Tellers who close mid-day without a rota entry are mostly at lunch or an errand: such a
   * counter is expected back after this long (the past days', else the rota's lunch, else
   * priors.ts). Were it gone for the day, a branch whose lunch nobody announced would be
   * told waits hours too long.
   */
  closedMidDayMinutes: PRIORS.CLOSED_MID_DAY_MINUTES,
};

type Resolved = ReturnType<typeof resolve>;

/** The mean length of the rota's lunches, minutes; null: it has none. */
function rotaLunchMinutes(rota: StaffRota): number | null {
  const lunches = rota.filter((p) => p.reason === 'lunch').map((p) => Number(p.until.slice(0, 2)) * 60 + Number(p.until.slice(3)) - (Number(p.from.slice(0, 2)) * 60 + Number(p.from.slice(3))));
  return lunches.length > 0 ? lunches.reduce((a, b) => a + b, 0) / lunches.length : null;
}

function resolve(options: AtriumOptions) {
  return {
    ...FIXED,
    pauseMinutes: { ...PRIORS.PAUSE_MINUTES, ...options.pauseMinutes },
    ownPauseMinutes: options.pauseMinutes ?? {},
    arrivalHorizonMinutes: options.arrivalHorizonMinutes ?? null,
    runs: Math.max(1, Math.floor(options.runs ?? 24)),
    breakAllowance: options.breakAllowance ?? null,
    leavingPriorPerMinute: options.leavingPriorPerMinute ?? null,
    history: options.history ?? null,
    rota: options.rota ?? [],
    arrivalProfile: options.arrivalProfile ?? null,
    utcOffsetMinutes: options.utcOffsetMinutes ?? null,
  };
}

/** How the durations of one run are drawn; null: every duration is its mean. */
interface Draws {
  /** This run's later arrivals, drawn around the expected ones. */
  arrivals(rates: readonly PriorityRate[], horizonMinutes: number): readonly PriorityRate[];
  /** What is left of the ticket's job, of mean `mean`, that has run `elapsed` minutes. */
  rest(ticket: Ticket, mean: number, elapsed: number): number;
  durationOf(ticket: Ticket, mean: number, at: number): number;
  /** Counter minutes an expected later arrival of mean service `mean` takes. */
  fluidMinutes(mean: number): number;
}

/** What a prediction knows besides the state: later arrivals and the rota's pauses of today. */
interface Outlook {
  rates: PriorityRate[];
  horizonMinutes: number;
  windows: PauseWindow[];
}

function outlookOf(state: LobbyState, now: number, o: Resolved): Outlook {
  const offset = o.utcOffsetMinutes ?? -new Date(now).getTimezoneOffset();
  const profile = typeof o.arrivalProfile === 'function' ? o.arrivalProfile() : o.arrivalProfile;
  const learnt = profile !== null && profile.days > 0;
  // Why the whole day with a profile: on a pension day non-cash tickets wait four to six
  // hours behind cash customers who have not arrived yet; two hours of arrivals left them
  // 40 minutes short.
  const horizonMinutes = o.arrivalHorizonMinutes ?? (learnt ? PROFILE_HORIZON_MINUTES : RATE_HORIZON_MINUTES);
  const rates =
    horizonMinutes <= 0
      ? []
      : learnt
        ? profileArrivalRates(profile, state, now, horizonMinutes, offset)
        : priorityArrivalRates(state, now, o.minRateWindowMinutes);
  const rota = typeof o.rota === 'function' ? o.rota() : o.rota;
  return { rates, horizonMinutes, windows: rota.length > 0 ? pauseWindows(rota, now, offset).filter((w) => w.until > now) : [] };
}

/** A ticket's own service figures where its kiosk choice has them (service-times.ts `learntChoiceTimes`). */
type ChoiceOf = (ticket: Ticket) => ChoiceTimes | undefined;

function forward(state: LobbyState, now: number, waiting: Ticket[], o: Resolved, meanMinutes: Record<string, number>, draws: Draws | null, outlook: Outlook, choiceOf: ChoiceOf): Map<string, SimResult> {
  const params: SimParams = {
    meanMinutes,
    ticketMinutes: (t) => choiceOf(t)?.minutes,
    rates: draws ? draws.arrivals(outlook.rates, outlook.horizonMinutes) : outlook.rates,
    horizonMinutes: outlook.horizonMinutes,
    cv: o.serviceCv,
    ...(draws ? { durationOf: draws.durationOf, fluidMinutes: draws.fluidMinutes } : {}),
  };
  const mean = (service: string): number => meanMinutes[service] ?? 5;

  const startOf = (counterId: string, status: 'open' | 'paused' | 'closed'): SimCounter => {
    const c = state.counters[counterId]!;
    const planned = outlook.windows.filter((w) => w.counter === c.id);
    const offs = planned.map((w) => ({ from: (w.from - now) / MINUTE, until: (w.until - now) / MINUTE }));
    const base = { id: c.id, services: c.services, ...(offs.length > 0 ? { offs } : {}) };
    if (status === 'closed') return { ...base, freeAt: o.closedReturnMinutes, pendingVariance: 0 };
    if (status === 'paused') {
      // A pause the rota planned ends when the rota says; another after its typical length.
      const inRota = planned.find((w) => w.from <= now + 15 * MINUTE && w.until > now);
      const typical = inRota ? (inRota.until - now) / MINUTE : o.pauseMinutes[c.pauseReason ?? 'other'] - (now - c.since) / MINUTE;
      const rest = Math.max(typical, o.minRemainingMinutes);
      return { ...base, freeAt: rest, pendingVariance: (o.serviceCv * rest) ** 2 };
    }
    const current = c.currentTicketId === null ? undefined : state.tickets[c.currentTicketId];
    if (!current) return { ...base, freeAt: 0, pendingVariance: 0 };
    const m = choiceOf(current)?.minutes ?? mean(current.service);
    const elapsed = (now - (current.startedAt ?? now)) / MINUTE;
    const walk = Math.max(o.walkUpMinutes - (now - (current.calledAt ?? now)) / MINUTE, 0);
    const rest = draws
      ? current.status === 'serving'
        ? draws.rest(current, m, elapsed)
        : walk + draws.rest(current, m, 0)
      : current.status === 'serving'
        ? Math.max(m - elapsed, o.minRemainingMinutes)
        : m + walk;
    return { ...base, freeAt: rest, pendingVariance: (o.serviceCv * rest) ** 2 };
  };
  // Per-counter variances are divided by the number of counters inside simulate's
  // accounting only for later departures; the first one is scaled here.
  const scale = (list: SimCounter[]): SimCounter[] => list.map((c) => ({ ...c, pendingVariance: c.pendingVariance / Math.max(list.length, 1) ** 2 }));

  // A counter closed while the day is open is expected back like a paused one.
  const closedMidDay = (c: (typeof state.counters)[string]): boolean =>
    c.status === 'closed' && state.day !== null && state.day.status === 'open' && c.since > state.day.openedAt;
  const live = Object.values(state.counters).filter((c) => c.status !== 'closed' || closedMidDay(c));
  const first = simulate(
    state,
    now,
    waiting,
    scale(live.map((c) => (closedMidDay(c) ? { ...startOf(c.id, 'open'), freeAt: Math.max(o.closedMidDayMinutes - (now - c.since) / MINUTE, o.minRemainingMinutes) } : startOf(c.id, c.status)))),
    params,
  );
  const leftover = waiting.filter((t) => !first.has(t.id));
  if (leftover.length === 0) return first;

  const all = Object.values(state.counters).map((c) => startOf(c.id, c.status));
  for (const t of leftover) {
    if (all.some((c) => canCall(c, t))) continue;
    const id = t.targetCounter ?? `\u0000${t.service}`;
    if (!all.some((c) => c.id === id)) all.push({ id, services: [t.service], freeAt: o.closedReturnMinutes, pendingVariance: 0 });
  }
  const second = simulate(state, now, waiting, scale(all), params);
  for (const t of leftover) {
    // Only a run cut short by its step guard leaves a ticket out; say "a long wait".
    first.set(t.id, second.get(t.id) ?? { minutes: o.closedReturnMinutes + leftover.length * mean(t.service), variance: 0 });
  }
  return first;
}

/** A seed from the state, so that the same state gives the same draws. */
function seedOf(state: LobbyState, now: number, waiting: Ticket[]): number {
  let h = (now / 1000) >>> 0;
  for (const t of waiting) for (let i = 0; i < t.id.length; i++) h = Math.imul(h ^ t.id.charCodeAt(i), 16777619) >>> 0;
  return h ^ Object.keys(state.tickets).length;
}

/** Atrium's predictor, whose Monte Carlo runs can also be read one by one (the range calibration reads them). */
export interface AtriumPredictor extends WaitPredictor {
  /** Each waiting ticket's call time in every forward run, minutes from now; null with `runs: 1`. */
  runs(state: LobbyState, now: number): Map<string, number[]> | null;
}

export function atriumPredictor(options: AtriumOptions = {}): AtriumPredictor {
  const resolved = resolve(options);

  /** What today's and the past days' records say, and the forward runs' shared inputs. */
  const prepare = (state: LobbyState, now: number) => {
    const history = (typeof resolved.history === 'function' ? resolved.history() : resolved.history) ?? null;
    const known = history !== null && history.days > 0;
    const learning = { ...resolved, ...(known ? { history: history.services, choices: history.choices } : { history: undefined, choices: undefined }) };
    const meanMinutes = learntServiceMinutes(state, learning);
    const byChoice = learntChoiceTimes(state, learning);
    const choiceOf: ChoiceOf = (t) => (t.choice === undefined ? undefined : byChoice[t.service]?.[t.choice]);
    const breakShare = resolved.breakAllowance ?? (known && history.breakShare !== null ? history.breakShare : PRIORS.BREAK_SHARE);
    const walkUp = learntWalkUpMinutes(state, known && history.walkUpMinutes !== null ? history.walkUpMinutes : resolved.walkUpMinutes, PRIORS.WALK_PRIOR_WEIGHT);
    // Every forward run uses what the past days learnt in place of the stated priors; options
    // the caller set win over both.
    const rota = typeof resolved.rota === 'function' ? resolved.rota() : resolved.rota;
    const o = {
      ...resolved,
      walkUpMinutes: walkUp,
      pauseMinutes: { ...PRIORS.PAUSE_MINUTES, ...(known ? history.pauseMinutes : {}), ...resolved.ownPauseMinutes },
      closedMidDayMinutes: (known ? history.closedMidDayMinutes : null) ?? rotaLunchMinutes(rota) ?? PRIORS.CLOSED_MID_DAY_MINUTES,
      leavingPriorPerMinute: resolved.leavingPriorPerMinute ?? (known ? history.leavingPerMinute : null) ?? PRIORS.LEAVING_PER_MINUTE,
      rota,
    };
    return { o, learning, meanMinutes, choiceOf, breakShare, walkUp, outlook: outlookOf(state, now, o) };
  };

  const monteCarlo = (state: LobbyState, now: number, waiting: Ticket[], wanted = resolved.runs): Map<string, number[]> => {
    const { o, learning, meanMinutes, choiceOf, breakShare, walkUp, outlook } = prepare(state, now);
    const uniform = seededRandom(seedOf(state, now, waiting));
    const noShows = learntNoShows(state, o.noShowPrior, o.noShowPriorWeight);
    const leaving = learntLeavingRate(state, o.leavingPriorPerMinute, o.leavingPriorMinutes);
    // Whether the customer of a ticket reached `at` minutes from now has left by then: the
    // longer a ticket will have waited when reached, the likelier its customer is gone.
    const hasLeft = (ticket: Ticket, at: number): boolean => uniform() < -Math.expm1(-leaving * ((now - ticket.issuedAt) / MINUTE + at));
    const cv = learntServiceCv(state, learning, o.sampleCv, PRIORS.CV_PRIOR_WEIGHT);
    // A ticket of a kiosk choice with figures of its own is drawn from them (a transfer is not a loan).
    const cvOf = (t: Ticket): number => choiceOf(t)?.cv ?? cv[t.service] ?? o.sampleCv;
    const draws: Draws = {
      arrivals: (rates, horizon) => noisyArrivals(rates, horizon, () => standardNormal(uniform)),
      rest: (ticket, mean, elapsed) => drawRemaining(mean, cvOf(ticket), elapsed, uniform),
      durationOf: (ticket, mean, at) => (hasLeft(ticket, at) ? noShows.minutes : walkUp + drawRemaining(mean, cvOf(ticket), 0, uniform) / (1 - breakShare)),
      fluidMinutes: (mean) => walkUp + mean / (1 - breakShare),
    };
    const samples = new Map<string, number[]>(waiting.map((t) => [t.id, []]));
    // The hub predicts after every event: a crowded lobby gets fewer runs (each run is longer),
    // so a prediction stays within a few milliseconds (bench/estimator.ts).
    const runs = Math.max(MIN_RUNS, Math.min(wanted, Math.round(RUN_BUDGET / waiting.length)));
    for (let r = 0; r < runs; r++) {
      for (const [id, x] of forward(state, now, waiting, o, meanMinutes, draws, outlook, choiceOf)) samples.get(id)!.push(x.minutes);
    }
    return samples;
  };

  /** A quiet lobby's range is read off the runs themselves, so it gets hundreds of them. */
  const runsFor = (waiting: readonly Ticket[]): number => (waiting.length <= QUIET_WAITING ? Math.max(resolved.runs, QUIET_RANGE.runs) : resolved.runs);

  return {
    name: 'atrium',
    runs(state: LobbyState, now: number): Map<string, number[]> | null {
      const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
      return resolved.runs === 1 ? null : monteCarlo(state, now, waiting, runsFor(waiting));
    },
    predict(state: LobbyState, now: number): Record<string, Estimate> {
      const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
      if (waiting.length === 0) return {};
      const result: Record<string, Estimate> = {};
      if (resolved.runs === 1) {
        const { o, meanMinutes, choiceOf, outlook } = prepare(state, now);
        for (const [id, r] of forward(state, now, waiting, o, meanMinutes, null, outlook, choiceOf)) result[id] = toEstimate(r.minutes, r.variance, Z90);
        return result;
      }
      const quiet = waiting.length <= QUIET_WAITING;
      for (const [id, list] of monteCarlo(state, now, waiting, runsFor(waiting))) result[id] = quiet ? narrowestRange(list, QUIET_RANGE.mass) : rangeFromRuns(list, BAND);
      return result;
    },
  };
}
