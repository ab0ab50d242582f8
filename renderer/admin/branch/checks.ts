// The branch tab's own checks of what the admin typed, before the hub checks it again: each
// names the first row at fault, so the card can say which in plain words.
import type { KioskChoice } from '../../../main/common/kiosk';
import type { PauseReason } from '../../../main/common/domain';

export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface RotaRow {
  counter: string;
  from: string;
  until: string;
  reason: PauseReason;
}

/** "11:00, 15:00" or "11:00 15:00" → ['11:00', '15:00']; a time typed as 9:30 becomes 09:30. */
export function patrolList(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((p) => (/^\d:\d\d$/.test(p) ? `0${p}` : p));
}

/** The first row's problem, as a key and its row number (1-based), or null when every row is sound. */
export function rotaProblem(rows: RotaRow[]): { key: 'badRow' | 'backwards'; n: number } | null {
  for (const [i, r] of rows.entries()) {
    if (!r.counter || !CLOCK.test(r.from) || !CLOCK.test(r.until)) return { key: 'badRow', n: i + 1 };
    if (r.from >= r.until) return { key: 'backwards', n: i + 1 };
  }
  return null;
}

/** The first kiosk choice at fault (1-based), or null. `service: ''` is a ticket choice with no service picked yet. */
export function choicesProblem(rows: KioskChoice[]): { key: 'badRow' | 'needService'; n: number } | null {
  for (const [i, c] of rows.entries()) {
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(c.id) || !c.nameZh.trim() || !c.nameEn.trim()) return { key: 'badRow', n: i + 1 };
    if (c.service === '') return { key: 'needService', n: i + 1 };
  }
  return null;
}
