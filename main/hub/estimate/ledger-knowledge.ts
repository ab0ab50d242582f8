// What the hub gives its estimator from its own records: the rota the branch set (setting
// `estimate.rota`), the arrival profile of its past days (the tickets table keeps every
// day's tickets) and their history (service times from the tickets table, breaks from the
// counter events). Both are relearnt when the business day changes, so a hub that runs
// for weeks keeps learning; today's tickets are left out (they are in the live state).
import type Database from 'better-sqlite3';
import { learnArrivalProfile, type ArrivalProfile } from './arrival-profile.js';
import { learnBreakShare, learnServiceHistory, NO_HISTORY, type BranchHistory, type CounterStretch } from './branch-history.js';
import { CLIP_FACTOR, WALK_CLIP_MINUTES } from './service-times.js';
import { ROTA_SETTING, StaffRota } from './rota.js';
import { readSetting } from '../settings/settings-projector.js';
import { eventsOfTypesBetween } from '../ledger/event-reads.js';
import { arrivalsBetween, meanWalkMinutes, openingsSpan, pastTicketDays, serviceMinutesBetween, servicePriors } from '../ledger/queue-reads.js';
import type { AtriumOptions } from './atrium.js';
import type { ServiceHours } from './service-hours.js';
import { DEFAULT_RECORDS_SETTINGS } from '../records/settings.js';

/** Four weeks of business days: enough for a stable profile, recent enough to follow a season. */
export const PROFILE_DAYS = 20;

/** The branch's rota; a missing or malformed setting means none (and says so once). */
export function rotaFromSettings(db: Database.Database, warn: (message: string) => void = console.warn): StaffRota {
  const value = readSetting(db, ROTA_SETTING);
  if (value === undefined) return [];
  try {
    return StaffRota.parse(JSON.parse(value));
  } catch {
    warn(`warning: the setting ${ROTA_SETTING} is not a valid rota; wait estimates ignore it`);
    return [];
  }
}

/** The last PROFILE_DAYS business days before `today` ('YYYY-MM-DD') that had tickets, newest first. */
function pastDays(db: Database.Database, today: string): string[] {
  return pastTicketDays(db, today, PROFILE_DAYS);
}

/** The profile of the last PROFILE_DAYS business days before `today`. */
export function profileFromLedger(db: Database.Database, today: string, utcOffsetMinutes: number): ArrivalProfile {
  const days = pastDays(db, today);
  if (days.length === 0) return { days: 0, perSlot: {} };
  return learnArrivalProfile(arrivalsBetween(db, days[days.length - 1]!, today), days.length, utcOffsetMinutes);
}

const COUNTER_EVENTS = ['counter.opened', 'counter.paused', 'counter.resumed', 'counter.closed', 'day.closed'];

/**
 * Each counter's past days split into work and breaks, from its events: open until paused,
 * closed or the day's close; a pause other than lunch is a break (lunch is the rota's, or
 * the estimator's own allowance for a counter closed mid-day).
 */
function counterStretches(db: Database.Database, from: number, until: number): CounterStretch[] {
  const rows = eventsOfTypesBetween(db, COUNTER_EVENTS, from, until);
  const since = new Map<string, { kind: CounterStretch['kind'] | null; at: number }>();
  const stretches: CounterStretch[] = [];
  const end = (counter: string, at: number): void => {
    const s = since.get(counter);
    if (s?.kind) stretches.push({ kind: s.kind, minutes: Math.max(0, at - s.at) / 60_000 });
    since.delete(counter);
  };
  for (const row of rows) {
    if (row.type === 'day.closed') {
      for (const counter of [...since.keys()]) end(counter, row.at);
      continue;
    }
    const data = JSON.parse(row.data) as { counter: string; reason?: string };
    end(data.counter, row.at);
    const kind = row.type === 'counter.opened' || row.type === 'counter.resumed' ? 'open' : row.type === 'counter.paused' && data.reason !== 'lunch' ? 'break' : null;
    since.set(data.counter, { kind, at: row.at });
  }
  return stretches;
}

/** Service times, walks and breaks of the last PROFILE_DAYS business days before `today`. */
export function historyFromLedger(db: Database.Database, today: string): BranchHistory {
  const days = pastDays(db, today);
  if (days.length === 0) return NO_HISTORY;
  const first = days[days.length - 1]!;
  const jobs = serviceMinutesBetween(db, first, today);
  const priors = servicePriors(db);
  const span = openingsSpan(db, first, today);
  const walkUpMinutes = meanWalkMinutes(db, first, today, WALK_CLIP_MINUTES);
  const stretches = span.first === null ? [] : counterStretches(db, span.first, span.today ?? Number.MAX_SAFE_INTEGER);
  return {
    days: days.length,
    services: learnServiceHistory(jobs, (service) => CLIP_FACTOR * (priors.get(service) ?? Number.POSITIVE_INFINITY)),
    breakShare: learnBreakShare(stretches),
    walkUpMinutes,
  };
}

/** Predictor options for a hub on `db`: the rota as the settings say now, the profile and history relearnt once a day. */
export function ledgerKnowledge(db: Database.Database, clock: () => number): Pick<AtriumOptions, 'rota' | 'arrivalProfile' | 'history'> {
  let learntFor = '';
  let profile: ArrivalProfile = { days: 0, perSlot: {} };
  let history: BranchHistory = NO_HISTORY;
  const offset = (): number => -new Date(clock()).getTimezoneOffset();
  // The rota is parsed again only when its settings row changes (the admin edits it at any time).
  let rotaText: string | undefined;
  let rota: StaffRota = [];
  const relearn = (): void => {
    const local = new Date(clock() + offset() * 60_000).toISOString().slice(0, 10);
    if (local === learntFor) return;
    profile = profileFromLedger(db, local, offset());
    history = historyFromLedger(db, local);
    learntFor = local;
  };
  return {
    rota: () => {
      const text = readSetting(db, ROTA_SETTING);
      if (text !== rotaText) {
        rotaText = text;
        rota = rotaFromSettings(db);
      }
      return rota;
    },
    arrivalProfile: () => {
      relearn();
      return profile;
    },
    history: () => {
      relearn();
      return history;
    },
  };
}

/**
 * What the hub's closed-service notice needs (service-hours.ts): the rota and the branch's
 * opening time (setting `records.openingTime`, as the admin's opening hours set it), read
 * again at every prediction, the rota parsed only when it changes.
 */
export function serviceHoursFromLedger(db: Database.Database, clock: () => number): () => ServiceHours {
  let rotaText: string | undefined;
  let rota: StaffRota = [];
  return () => {
    const text = readSetting(db, ROTA_SETTING);
    if (text !== rotaText) {
      rotaText = text;
      rota = rotaFromSettings(db, () => undefined);
    }
    return { rota, openingTime: openingTimeOf(readSetting(db, 'records.openingTime')), utcOffsetMinutes: -new Date(clock()).getTimezoneOffset() };
  };
}

function openingTimeOf(value: string | undefined): string {
  if (value === undefined) return DEFAULT_RECORDS_SETTINGS.openingTime;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' && /^\d{2}:\d{2}$/.test(parsed) ? parsed : DEFAULT_RECORDS_SETTINGS.openingTime;
  } catch {
    return DEFAULT_RECORDS_SETTINGS.openingTime;
  }
}
