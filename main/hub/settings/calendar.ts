// The branch's calendar of day kinds (issue 15; main/common/calendar.ts): kept as the other
// branch settings are, one `settings.changed` event a change, so a rebuild sets it again. The
// wait estimator reads it when it relearns (main/hub/estimate/ledger-knowledge.ts), so an edit
// applies from the next prediction without a restart.
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../common/events.js';
import { BranchCalendar, DEFAULT_CALENDAR } from '../../common/calendar.js';
import { readSetting, settingChanged } from './settings-projector.js';

export const CALENDAR_SETTING = 'estimate.calendar';

/** The branch's calendar; the defaults when never set, or (with a warning) when the stored value is not a valid one. */
export function readCalendar(db: Database.Database, warn: (message: string) => void = console.warn): BranchCalendar {
  const raw = readSetting(db, CALENDAR_SETTING);
  if (raw === undefined) return DEFAULT_CALENDAR;
  try {
    return BranchCalendar.parse(JSON.parse(raw));
  } catch {
    warn(`warning: the setting ${CALENDAR_SETTING} is not a valid calendar; wait estimates use the default one`);
    return DEFAULT_CALENDAR;
  }
}

export function calendarChanged(calendar: BranchCalendar): Extract<AuditEvent, { type: 'settings.changed' }> {
  return settingChanged(CALENDAR_SETTING, JSON.stringify(calendar));
}
