// What the hub gives its estimator from its own records: the rota the branch set (setting
// `estimate.rota`) and the arrival profile of its past days (the tickets table keeps every
// day's tickets). The profile is relearnt when the business day changes, so a hub that runs
// for weeks keeps learning; today's tickets are left out (they are in the live state).
import type Database from 'better-sqlite3';
import type { Priority } from '../../common/domain.js';
import { learnArrivalProfile, type ArrivalProfile } from './arrival-profile.js';
import { ROTA_SETTING, StaffRota } from './rota.js';
import type { AtriumOptions } from './atrium.js';

/** Four weeks of business days: enough for a stable profile, recent enough to follow a season. */
export const PROFILE_DAYS = 20;

/** The branch's rota; a missing or malformed setting means none (and says so once). */
export function rotaFromSettings(db: Database.Database, warn: (message: string) => void = console.warn): StaffRota {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ROTA_SETTING) as { value: string } | undefined;
  if (!row) return [];
  try {
    return StaffRota.parse(JSON.parse(row.value));
  } catch {
    warn(`warning: the setting ${ROTA_SETTING} is not a valid rota; wait estimates ignore it`);
    return [];
  }
}

/** The profile of the last PROFILE_DAYS business days before `today` ('YYYY-MM-DD'). */
export function profileFromLedger(db: Database.Database, today: string, utcOffsetMinutes: number): ArrivalProfile {
  const days = (db.prepare('SELECT DISTINCT business_day AS d FROM tickets WHERE business_day < ? ORDER BY d DESC LIMIT ?').all(today, PROFILE_DAYS) as { d: string }[]).map((r) => r.d);
  if (days.length === 0) return { days: 0, perSlot: {} };
  const rows = db
    .prepare('SELECT issued_at AS issuedAt, service, priority FROM tickets WHERE business_day >= ? AND business_day < ?')
    .all(days[days.length - 1], today) as { issuedAt: number; service: string; priority: Priority }[];
  return learnArrivalProfile(rows, days.length, utcOffsetMinutes);
}

/** Predictor options for a hub on `db`: the rota as the settings say now, the profile relearnt once a day. */
export function ledgerKnowledge(db: Database.Database, clock: () => number): Pick<AtriumOptions, 'rota' | 'arrivalProfile'> {
  let learntFor = '';
  let profile: ArrivalProfile = { days: 0, perSlot: {} };
  const offset = (): number => -new Date(clock()).getTimezoneOffset();
  // The rota is read again only when its settings row changes (the admin edits it at any time).
  const readRota = db.prepare('SELECT value FROM settings WHERE key = ?');
  let rotaText: string | undefined;
  let rota: StaffRota = [];
  return {
    rota: () => {
      const text = (readRota.get(ROTA_SETTING) as { value: string } | undefined)?.value;
      if (text !== rotaText) {
        rotaText = text;
        rota = rotaFromSettings(db);
      }
      return rota;
    },
    arrivalProfile: () => {
      const local = new Date(clock() + offset() * 60_000).toISOString().slice(0, 10);
      if (local !== learntFor) {
        profile = profileFromLedger(db, local, offset());
        learntFor = local;
      }
      return profile;
    },
  };
}
