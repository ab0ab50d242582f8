// An appointment's time as a bank's file holds it: one column ("2026-12-02 09:30", "2026/12/2
// 9:30", an Excel date-time cell) or a date column and a time column ("2026-12-02" and "09:30",
// or Excel's date and time cells). Times are the branch's wall clock: the hub's local time, as
// the business day is (main/hub/lobby/business-day.ts). Excel cells have no zone: read-excel-file
// gives the wall clock in the Date's UTC fields.
import { MAX_YEAR, MIN_YEAR } from '../../common/dates.js';
import type { Cell } from './read-table.js';

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const TIME = /(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：]\s*\d{2}(?:\.\d+)?)?\s*分?$/;

/** An Excel cell's wall clock, to the nearest minute (a serial number is a float). */
function wallClock(d: Date): Parts {
  const r = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return { y: r.getUTCFullYear(), mo: r.getUTCMonth() + 1, d: r.getUTCDate(), h: r.getUTCHours(), mi: r.getUTCMinutes() };
}

function dateOf(cell: Cell): Pick<Parts, 'y' | 'mo' | 'd'> | null {
  if (cell instanceof Date) {
    const { y, mo, d } = wallClock(cell);
    return { y, mo, d };
  }
  const m = typeof cell === 'string' ? DATE.exec(cell.trim()) : null;
  return m ? { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) } : null;
}

function timeOf(cell: Cell): Pick<Parts, 'h' | 'mi'> | null {
  if (cell instanceof Date) {
    const { h, mi } = wallClock(cell);
    return { h, mi };
  }
  // A time cell without a time format: Excel's fraction of a day.
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 1440);
    return { h: Math.floor(minutes / 60), mi: minutes % 60 };
  }
  const m = typeof cell === 'string' ? TIME.exec(cell.trim()) : null;
  return m ? { h: Number(m[1]), mi: Number(m[2]) } : null;
}

function instant(p: Parts): number | null {
  if (p.y < MIN_YEAR || p.y > MAX_YEAR || p.h > 23 || p.mi > 59) return null;
  const at = new Date(p.y, p.mo - 1, p.d, p.h, p.mi);
  // 2026-02-30 rolls over into March: a day that does not exist is refused.
  if (at.getMonth() !== p.mo - 1 || at.getDate() !== p.d) return null;
  return at.getTime();
}

/** The instant of `at`, or of `date` and `time`; null when it does not read as one. */
export function appointmentTime(cells: { at: Cell; date: Cell; time: Cell }): number | null {
  const { at } = cells;
  if (at !== null && at !== '') {
    // An ISO 8601 time with a zone (another system's export) is taken as it says.
    if (typeof at === 'string' && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(at.trim())) {
      const t = Date.parse(at.trim());
      return Number.isNaN(t) ? null : t;
    }
    const date = dateOf(at);
    const time = typeof at === 'string' ? timeOf(at.trim().replace(DATE, '').replace(/^T/, '')) : timeOf(at);
    return date && time ? instant({ ...date, ...time }) : null;
  }
  const date = dateOf(cells.date);
  const time = timeOf(cells.time);
  return date && time ? instant({ ...date, ...time }) : null;
}
