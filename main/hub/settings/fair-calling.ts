// The fair-calling setting (issue 14): how many priority tickets a counter may call in a row
// before its longest-waiting normal ticket. Kept as the other branch settings are, one
// `settings.changed` event a change, so the settings table a rebuild makes holds it again;
// the counter's run itself is read from the lobby state (main/hub/queue/fair.ts).
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../common/events.js';
import { readSetting, settingChanged } from './settings-projector.js';

export const FAIR_CALLING_SETTING = 'dispatch.maxPriorityInARow';

/** null (off) unless the branch set a whole number of 1 or more; the value is JSON ("null", "2"). */
export function readMaxPriorityInARow(db: Database.Database): number | null {
  const raw = readSetting(db, FAIR_CALLING_SETTING);
  if (raw === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

export function fairCallingChanged(maxPriorityInARow: number | null): Extract<AuditEvent, { type: 'settings.changed' }> {
  return settingChanged(FAIR_CALLING_SETTING, JSON.stringify(maxPriorityInARow));
}
