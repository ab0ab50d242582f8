// The records' configurable limits, from the settings table (key `records.<name>`) with the
// defaults below. Decision: defaults a branch would expect from the sources where they say
// nothing: opinions without a phone answered within 3 days, complaints within 48 hours,
// phones purged 30 days after the reply, follow-ups due after 15 days, opening at 09:00,
// patrols due at 11:00 and 15:00.
import type Database from 'better-sqlite3';
import { readSettings } from '../settings/settings-projector.js';

export interface RecordsSettings {
  opinionReplyDays: number;
  phoneRetentionDays: number;
  complaintLimitHours: number;
  followUpDays: number;
  openingTime: string;
  patrolTimes: string[];
  closingTime: string;
}

export const DEFAULT_RECORDS_SETTINGS: RecordsSettings = {
  opinionReplyDays: 3,
  phoneRetentionDays: 30,
  complaintLimitHours: 48,
  followUpDays: 15,
  openingTime: '09:00',
  patrolTimes: ['11:00', '15:00'],
  closingTime: '17:00',
};

export function recordsSettings(db: Database.Database): RecordsSettings {
  const rows = readSettings(db, 'records.');
  const out: RecordsSettings = { ...DEFAULT_RECORDS_SETTINGS, patrolTimes: [...DEFAULT_RECORDS_SETTINGS.patrolTimes] };
  for (const { key, value } of rows) {
    const name = key.slice('records.'.length) as keyof RecordsSettings;
    if (!(name in out)) continue;
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === typeof out[name]) (out as unknown as Record<string, unknown>)[name] = parsed;
    } catch {
      // a malformed setting keeps the default
    }
  }
  return out;
}

/** YYYY-MM-DD plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Epoch ms of a local HH:MM on a local date (the hub's time zone, as the business day). */
export function localTime(date: string, hhmm: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}
