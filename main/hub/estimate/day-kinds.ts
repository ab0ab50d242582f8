// Learning per kind of day (issue 15): a pension day is learnt from past pension days, a month
// end from past month ends. Learnt from the last 20 business days of any kind, a pension day's
// arrivals and services were an ordinary day's, and its estimates ran 12 minutes low (issue
// 15: pension-day MAE 6.10 → 15.0 with 20 ordinary past days).
//
// Pure: the hub gives it its past days read from the ledger (ledger-knowledge.ts), the bench
// its simulated calendar's past days, so both learn alike. Which days:
// - the latest LEARNING_DAYS past days of today's kind, looking back at most LOOKBACK_DAYS
//   business days (a pension day comes once a month, a holiday eve a few times a year);
// - when fewer than MIN_KIND_DAYS past days of the kind are found (a new hub, a kind that
//   has not come round yet, a calendar just edited), the latest LEARNING_DAYS days of any
//   kind, as before kinds existed, and the history says so (`learntFrom.fallback`). Why 3:
//   with one or two days a single odd day (a tour group, an outage, a half-day) is half of
//   what is learnt; three is the fewest that outvotes one. The profile's quarter-hour counts
//   are then noisy, but today's own count scales them from the first tickets on
//   (arrival-profile.ts).
import type { DayKind } from '../../common/calendar.js';
import type { PauseReason } from '../../common/domain.js';
import { learnArrivalProfile, type ArrivalProfile, type PastTicket } from './arrival-profile.js';
import { learnBreakShare, learnChoiceHistory, learnServiceHistory, NO_HISTORY, type BranchHistory, type CounterStretch, type PastJob } from './branch-history.js';
import type { CounterDay } from './counter-days.js';
import { leavingRate } from './no-shows.js';
import { LEAVING_PER_MINUTE, LEAVING_PRIOR_MINUTES } from './priors.js';
import { pauseWindows, type StaffRota } from './rota.js';
import { WALK_CLIP_MINUTES } from './service-times.js';

/** Four weeks of business days: enough for a stable profile, recent enough to follow a season. */
export const LEARNING_DAYS = 20;
/** Fewer past days of a kind than this: learn from all kinds (the comment above says why 3). */
export const MIN_KIND_DAYS = 3;
/** How far back to look for days of a kind: a year of a branch open every day. */
export const LOOKBACK_DAYS = 370;

/** One past business day as the hub's records have it. */
export interface PastDay {
  /** YYYY-MM-DD. */
  date: string;
  kind: DayKind;
  /** Every ticket issued (the arrivals). */
  tickets: readonly PastTicket[];
  /** Finished services, start to finish (unclipped: clipped as today's are when learnt). */
  jobs: readonly PastJob[];
  /** Call-to-start minutes of untransferred tickets (the walk). */
  walks: readonly number[];
  /** Tickets a counter reached: how long they had waited, and whether the customer had left (a no-show). */
  reached: readonly { waitedMinutes: number; left: boolean }[];
  /** The counters' day (counter-days.ts); absent: not known. */
  counters?: CounterDay;
}

/** Which of `past` (newest first) to learn from for a day of `kind`; no kind: the latest days of any kind. */
export function learningDays<T extends { kind: DayKind }>(past: readonly T[], kind?: DayKind | null): { days: T[]; fallback: boolean } {
  const window = past.slice(0, LOOKBACK_DAYS);
  if (kind) {
    const same = window.filter((d) => d.kind === kind).slice(0, LEARNING_DAYS);
    if (same.length >= MIN_KIND_DAYS) return { days: same, fallback: false };
  }
  return { days: window.slice(0, LEARNING_DAYS), fallback: Boolean(kind) };
}

const mean = (xs: readonly number[]): number | null => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export interface LearntKnowledge {
  arrivalProfile: ArrivalProfile;
  history: BranchHistory;
}

/**
 * A planned pause may start this long before the rota's time (atrium.ts takes a pause that
 * starts within 15 minutes of a rota window as the rota's); after it, until the window's end (a
 * teller finishes the customer first).
 */
const PLANNED_EARLY_MINUTES = 15;

/**
 * Whether `rota` planned a past break: a pause of the same counter and reason that started within
 * its window (PLANNED_EARLY_MINUTES early at most) on that day. Such a break is one the forward
 * runs simulate from the rota today (atrium.ts), so the break allowance must not count it too.
 */
export function plannedByRota(rota: StaffRota, utcOffsetMinutes: number): (s: CounterStretch) => boolean {
  if (rota.length === 0) return () => false;
  return (s) =>
    s.kind === 'break' &&
    s.counter !== undefined &&
    s.at !== undefined &&
    pauseWindows(rota, s.at, utcOffsetMinutes).some((w) => w.counter === s.counter && w.reason === (s.reason ?? 'other') && s.at! >= w.from - PLANNED_EARLY_MINUTES * 60_000 && s.at! < w.until);
}

/**
 * The arrival profile and history for a day of `kind`, from `past` (newest first, at most
 * LOOKBACK_DAYS are looked at). `clipAt` caps a service time as today's are capped. `rota`: the
 * branch's rota today; the past days' breaks it plans are left out of the break share (its
 * pauses are simulated from the rota, atrium.ts), and counted in the typical pause lengths.
 */
export function learnForDayKind(past: readonly PastDay[], kind: DayKind | null | undefined, options: { clipAt: (service: string) => number; utcOffsetMinutes: number; rota?: StaffRota }): LearntKnowledge {
  const { days, fallback } = learningDays(past, kind);
  const learntFrom = { kind: kind ?? null, fallback };
  if (days.length === 0) return { arrivalProfile: { days: 0, perSlot: {} }, history: { ...NO_HISTORY, learntFrom } };
  const counters = days.flatMap((d) => (d.counters ? [d.counters] : []));
  const walks = days.flatMap((d) => d.walks.map((w) => Math.min(Math.max(0, w), WALK_CLIP_MINUTES)));
  const reached = days.flatMap((d) => d.reached);
  const jobs = days.flatMap((d) => d.jobs);
  const pauseMinutes: Partial<Record<PauseReason, number>> = {};
  const byReason = new Map<PauseReason, number[]>();
  for (const p of counters.flatMap((c) => c.pauses)) byReason.set(p.reason, [...(byReason.get(p.reason) ?? []), p.minutes]);
  for (const [reason, list] of byReason) pauseMinutes[reason] = mean(list)!;
  return {
    arrivalProfile: learnArrivalProfile(
      days.flatMap((d) => d.tickets),
      days.length,
      options.utcOffsetMinutes,
    ),
    history: {
      days: days.length,
      services: learnServiceHistory(jobs, options.clipAt),
      choices: learnChoiceHistory(jobs, options.clipAt),
      breakShare: counters.length > 0 ? learnBreakShare(counters.flatMap((c) => c.stretches), plannedByRota(options.rota ?? [], options.utcOffsetMinutes)) : null,
      walkUpMinutes: mean(walks),
      // Past days' reached tickets are many: the stated prior barely moves their rate.
      leavingPerMinute:
        reached.length > 0
          ? leavingRate(
              reached.filter((r) => r.left).map((r) => r.waitedMinutes),
              reached.filter((r) => !r.left).reduce((a, r) => a + r.waitedMinutes, 0),
              LEAVING_PER_MINUTE,
              LEAVING_PRIOR_MINUTES,
            )
          : null,
      closedMidDayMinutes: mean(counters.flatMap((c) => c.closures)),
      pauseMinutes,
      learntFrom,
    },
  };
}
