// Every prior of the wait estimator, in one place, with where each comes from (issue 15).
//
// A prior is what the estimator assumes before the branch's records say otherwise. Where the
// ledger holds the quantity, the hub learns it from its past days (ledger-knowledge.ts,
// day-kinds.ts) and the figure here is used only by a hub with no past days of it; where it
// does not, the figure is an assumption, said to be one. None is copied from the bench's
// simulator: an estimator whose priors equal the simulator's own values is scored on the
// answer it was given (issue 15 found the leaving rate and the closed-counter return were).
// How much each matters is the bench's sensitivity table (bench/README.md).
import type { PauseReason } from '../../common/domain.js';

/**
 * Leaving rate per minute waited (exponential patience, Erlang-A). Learnt: past days' reached
 * tickets (no-show or served, and how long they had waited), then today's. Assumed for a
 * hub without past days: 1/600, a customer who would wait an hour leaves with probability
 * 1 − e^(−0.1) ≈ 10%. An assumption in the spirit of the waiting standard regulators ask of
 * branches (30 minutes at most, ../shared/DOMAIN.md: most customers stay that long), chosen
 * on the patient side: a leaving rate set too high tells a long queue it is short.
 */
export const LEAVING_PER_MINUTE = 1 / 600;
/** How many minutes of waiting the leaving-rate prior (this one, or the past days') is worth against today's. */
export const LEAVING_PRIOR_MINUTES = 600;

/**
 * Minutes a counter closed mid-day with no rota entry is away. Learnt: past days' mid-day
 * closures that reopened the same day (their mean). Else the branch's own rota: the mean
 * length of its lunch entries (the branch's setting, not a measurement). Else assumed: a
 * lunch hour, 60 minutes.
 */
export const CLOSED_MID_DAY_MINUTES = 60;

/**
 * Typical length of a pause by its reason, where the rota does not say. Learnt: past days'
 * pause-to-resume times per reason. Assumed otherwise: lunch a lunch hour; cash
 * replenishment and other short pauses 10 minutes; a meeting half an hour.
 */
export const PAUSE_MINUTES: Record<PauseReason, number> = { lunch: 60, cash_replenishment: 10, meeting: 30, other: 10 };

/**
 * Share of counter time lost to short unannounced breaks. Learnt: past days' pauses other
 * than lunch and other than those today's rota plans (branch-history.ts `learnBreakShare`,
 * day-kinds.ts `plannedByRota`). Assumed otherwise: 5%, a few minutes an
 * hour; an assumption.
 */
export const BREAK_SHARE = 0.05;

/** Minutes from a call to the start of the service (the walk). Learnt from past days, then today's calls; assumed 0.5. */
export const WALK_UP_MINUTES = 0.5;
/** How many of today's calls the past days' walk is worth. */
export const WALK_PRIOR_WEIGHT = 20;

/**
 * Service times: the configured minutes of each service (the branch's own setting) worth 3
 * jobs; the past days' mean (learnt) worth 20. CV before any is learnt: 0.8, an assumption
 * (lognormal bank services run CV 0.5–1; Brown et al., JASA 2005, for a call centre).
 */
export const SERVICE_PRIOR_WEIGHT = 3;
export const HISTORY_WEIGHT = 20;
export const SERVICE_CV = 0.8;
/** How many observed service times the assumed or past CV is worth. */
export const CV_PRIOR_WEIGHT = 10;

/** No-shows: share before today has any (learnt from today; a fallback only), worth 20 tickets; a call lost to one, 1 minute (a recall after 30 s, then the no-show). */
export const NO_SHOW_SHARE = 0.05;
export const NO_SHOW_PRIOR_WEIGHT = 20;
export const NO_SHOW_MINUTES = 1;

/**
 * When a closed counter is assumed open for tickets nothing else can call (before the first
 * counter opens, or a service all of whose counters closed): an assumption, that someone opens
 * one within ten minutes; the screens say so instead where the rota knows (issue 15, point 3).
 */
export const CLOSED_RETURN_MINUTES = 10;
