// What the hub gives its estimator from its own records: the rota the branch set (setting
// `estimate.rota`), the arrival profile of its past days (the tickets table keeps every
// day's tickets) and their history (service times, walks and leaving from the tickets table,
// breaks, pauses and mid-day closures from the counter events). Both are learnt from past days
// of today's kind (the branch's calendar, setting `estimate.calendar`; day-kinds.ts says which
// days and when it falls back to all days), and relearnt when the business day or the
// calendar changes, so a hub that runs for weeks keeps learning; today's tickets are left out
// (they are in the live state).
import type Database from 'better-sqlite3';
import { dayKind, type BranchCalendar, type DayKind } from '../../common/calendar.js';
import type { PauseReason } from '../../common/domain.js';
import type { ArrivalProfile } from './arrival-profile.js';
import { NO_HISTORY, type BranchHistory } from './branch-history.js';
import type { CounterEvent } from './counter-days.js';
import { pastDayOf, type PastTicketRecord } from './past-day.js';
import { LEARNING_DAYS, LOOKBACK_DAYS, learnForDayKind, learningDays, type LearntKnowledge, type PastDay } from './day-kinds.js';
import { CLIP_FACTOR } from './service-times.js';
import { ROTA_SETTING, StaffRota } from './rota.js';
import { readSetting } from '../settings/settings-projector.js';
import { CALENDAR_SETTING, readCalendar } from '../settings/calendar.js';
import { eventsOfTypesBetween } from '../ledger/event-reads.js';
import { dayBounds, pastTicketDays, servicePriors, ticketsOfDays } from '../ledger/queue-reads.js';
import type { AtriumOptions } from './atrium.js';
import type { ServiceHours } from './service-hours.js';
import { DEFAULT_RECORDS_SETTINGS } from '../records/settings.js';

/** Four weeks of business days (day-kinds.ts `LEARNING_DAYS`). */
export const PROFILE_DAYS = LEARNING_DAYS;

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

const COUNTER_EVENTS = ['counter.opened', 'counter.paused', 'counter.resumed', 'counter.closed', 'day.closed'];

/** The counter events from `from` (a day's opening) to `until` (the next day's opening). */
function counterEvents(db: Database.Database, from: number, until: number): CounterEvent[] {
  return eventsOfTypesBetween(db, COUNTER_EVENTS, from, until).map((row) => {
    const data = JSON.parse(row.data) as { counter?: string; reason?: PauseReason };
    return { type: row.type as CounterEvent['type'], at: row.at, ...(data.counter !== undefined ? { counter: data.counter } : {}), ...(data.reason ? { reason: data.reason } : {}) };
  });
}

/**
 * The kiosk choice of each ticket issued from `from` to `until`, by ticket id. Read from the
 * `ticket.issued` events, which carry it: the tickets table has no column for it (a migration
 * for one field the estimator alone reads was not worth it), and the events are the truth.
 */
function choicesBetween(db: Database.Database, from: number, until: number, into: Map<string, string>): void {
  for (const row of eventsOfTypesBetween(db, ['ticket.issued'], from, until)) {
    const data = JSON.parse(row.data) as { ticket?: { id?: string }; choice?: string };
    if (data.choice && data.ticket?.id) into.set(data.ticket.id, data.choice);
  }
}

/**
 * The past business days before `today` (YYYY-MM-DD) to learn a day of `kind` from, read from
 * the ledger: only the chosen days' tickets and events are read. No kind: the latest days of
 * any kind.
 */
export function pastDaysFromLedger(db: Database.Database, today: string, calendar: BranchCalendar | null, kind: DayKind | null): PastDay[] {
  const dates = pastTicketDays(db, today, kind ? LOOKBACK_DAYS : LEARNING_DAYS).map((date) => ({ date, kind: calendar ? dayKind(date, calendar) : ('ordinary' as const) }));
  const chosen = learningDays(dates, kind).days;
  if (chosen.length === 0) return [];
  const names = chosen.map((d) => d.date);
  const tickets = new Map<string, (PastTicketRecord & { id: string })[]>(names.map((d) => [d, []]));
  for (const t of ticketsOfDays(db, names)) tickets.get(t.day)!.push(t);
  const choices = new Map<string, string>();
  const events = new Map<string, CounterEvent[]>();
  for (const b of dayBounds(db, names)) {
    const until = b.nextOpenedAt ?? Number.MAX_SAFE_INTEGER;
    events.set(b.date, counterEvents(db, b.openedAt, until));
    choicesBetween(db, b.openedAt, until, choices);
  }
  return chosen.map((d) =>
    pastDayOf(
      d.date,
      d.kind,
      tickets.get(d.date)!.map((t) => ({ ...t, choice: choices.get(t.id) ?? null })),
      events.get(d.date),
    ),
  );
}

/** What the past days teach for a day of `kind` (null: of any kind) before `today`. */
export function knowledgeFromLedger(db: Database.Database, today: string, utcOffsetMinutes: number, calendar: BranchCalendar | null = null, kind: DayKind | null = null): LearntKnowledge {
  const priors = servicePriors(db);
  return learnForDayKind(pastDaysFromLedger(db, today, calendar, kind), kind, {
    clipAt: (service) => CLIP_FACTOR * (priors.get(service) ?? Number.POSITIVE_INFINITY),
    utcOffsetMinutes,
    // The rota's pauses are simulated from it; the break share leaves them out (day-kinds.ts).
    rota: rotaFromSettings(db, () => {}),
  });
}

/** The profile of the last PROFILE_DAYS business days before `today` (of today's kind, given a calendar). */
export function profileFromLedger(db: Database.Database, today: string, utcOffsetMinutes: number, calendar: BranchCalendar | null = null): ArrivalProfile {
  return knowledgeFromLedger(db, today, utcOffsetMinutes, calendar, calendar ? dayKind(today, calendar) : null).arrivalProfile;
}

/** Service times, walks, breaks, pauses, closures and leaving of the last PROFILE_DAYS business days before `today` (of today's kind, given a calendar). */
export function historyFromLedger(db: Database.Database, today: string, calendar: BranchCalendar | null = null): BranchHistory {
  return knowledgeFromLedger(db, today, 0, calendar, calendar ? dayKind(today, calendar) : null).history;
}

/** Predictor options for a hub on `db`: the rota as the settings say now, the profile and history relearnt once a day. */
export function ledgerKnowledge(db: Database.Database, clock: () => number): Pick<AtriumOptions, 'rota' | 'arrivalProfile' | 'history'> {
  let learntFor = '';
  let settingsText: string | undefined;
  let profile: ArrivalProfile = { days: 0, perSlot: {} };
  let history: BranchHistory = NO_HISTORY;
  const offset = (): number => -new Date(clock()).getTimezoneOffset();
  // The rota is parsed again only when its settings row changes (the admin edits it at any time).
  let rotaText: string | undefined;
  let rota: StaffRota = [];
  const relearn = (): void => {
    const local = new Date(clock() + offset() * 60_000).toISOString().slice(0, 10);
    // An edited calendar may change today's kind and which past days are of it.
    // An edited rota changes which past breaks it planned (day-kinds.ts `plannedByRota`).
    const text = `${readSetting(db, CALENDAR_SETTING) ?? ''}\u0000${readSetting(db, ROTA_SETTING) ?? ''}`;
    if (local === learntFor && text === settingsText) return;
    const calendar = readCalendar(db);
    const learnt = knowledgeFromLedger(db, local, offset(), calendar, dayKind(local, calendar));
    profile = learnt.arrivalProfile;
    history = learnt.history;
    learntFor = local;
    settingsText = text;
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
