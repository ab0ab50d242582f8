// A branch's calendar of business days, each of a kind: ordinary days, month-ends, pension
// days and holiday eves. A scored scenario is one kind of day in such a calendar, and the
// hub learns from the business days before it as a real hub does from its ledger: the last
// 20 of its kind within a year, or the last 20 of any kind when fewer than 3 of its kind are
// found (main/hub/estimate/day-kinds.ts; bench/predictors/branch-knowledge.ts). Issue 15:
// learning from 20 days of the scored scenario itself flattered the estimator.
//
// The calendar starts a year before the first scored day (CALENDAR_START, 2023-01-02), so
// that a pension day or a month-end has past days of its kind as a hub in service would;
// the scored days are still the first of their kind from SCORED_FROM (2024-01-02) with 20
// business days before it, the dates and seeds they had before the year was added.
//
// The calendar is stylised, not an official one: weekends off; the fixed public holidays
// below every year (Spring Festival and the lunar holidays at fixed dates near their usual
// ones); a holiday eve is the last business day before a holiday; a month-end the last
// business day of a month; a pension day the first business day on or after the
// PENSION_DAY of each month (branches pay pensions on a fixed date; the 5th is an assumption).
// Precedence when two fall together: holiday eve, then month-end, then pension day.
import type { Scenario } from './scenario.js';
import { drawWorld, type World } from './world.js';

export type DayKind = Scenario['dayKind'];

export interface CalendarDay {
  date: string;
  kind: DayKind;
}

export const CALENDAR_START = '2023-01-02';
/** Scored days are taken from here on (the year before is history only). */
export const SCORED_FROM = '2024-01-02';
export const PENSION_DAY = 5;

/** Month-day of the public holidays (stylised; lunar holidays at fixed dates). */
const HOLIDAYS = new Set([
  '01-01',
  '02-10', '02-11', '02-12', '02-13', '02-14', '02-15', '02-16',
  '04-04', '04-05',
  '05-01', '05-02', '05-03', '05-04', '05-05',
  '06-10',
  '09-15', '09-16',
  '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07',
]);

/** Holiday eves take about 30% more customers (people fetch cash and settle bills before a break): an assumption. */
export const HOLIDAY_EVE_FACTOR = 1.3;

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

function isBusinessDay(t: number): boolean {
  const d = new Date(t);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !HOLIDAYS.has(iso(t).slice(5));
}

/** The next business day strictly after t. */
function nextBusiness(t: number): number {
  let u = t + DAY;
  while (!isBusinessDay(u)) u += DAY;
  return u;
}

function kindOf(t: number, stationary: boolean): DayKind {
  if (stationary) return 'stationary';
  const next = nextBusiness(t);
  // A holiday (not just a weekend) between today and the next business day.
  for (let u = t + DAY; u < next; u += DAY) if (HOLIDAYS.has(iso(u).slice(5))) return 'holiday-eve';
  if (new Date(next).getUTCMonth() !== new Date(t).getUTCMonth()) return 'month-end';
  // The first business day on or after the PENSION_DAY of this month.
  const d = new Date(t);
  const pension = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), PENSION_DAY);
  let first = pension;
  while (!isBusinessDay(first)) first += DAY;
  if (first === t) return 'pension';
  return 'ordinary';
}

/** `count` business days from CALENDAR_START; all 'stationary' for a stationary scenario (no mix of kinds). */
export function calendarDays(count: number, stationary = false): CalendarDay[] {
  const out: CalendarDay[] = [];
  let t = Date.parse(`${CALENDAR_START}T00:00:00Z`);
  if (!isBusinessDay(t)) t = nextBusiness(t);
  while (out.length < count) {
    out.push({ date: iso(t), kind: kindOf(t, stationary) });
    t = nextBusiness(t);
  }
  return out;
}

/** A stable seed per branch and date: one date is one world, scored or learnt from. */
export function daySeed(branch: string, date: string): number {
  let h = 2166136261;
  for (const ch of `${branch}|${date}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * The branch a scenario is scored in: the scored scenario on the days of its kind, the
 * standard scenario of each other kind on theirs (holiday eves: the branch's ordinary day
 * with HOLIDAY_EVE_FACTOR more customers). A stationary scenario (the M/M/8 validation)
 * is a branch of its own days only.
 */
export class BranchCalendar {
  private readonly worlds = new Map<string, World>();
  private days: CalendarDay[] = [];

  constructor(
    readonly scored: Scenario,
    private readonly byKind: Record<DayKind, Scenario>,
  ) {}

  static of(scored: Scenario, standard: readonly Scenario[]): BranchCalendar {
    const named = (name: string): Scenario => {
      const s = standard.find((x) => x.name === name);
      if (!s) throw new Error(`the calendar needs the scenario ${name}`);
      return s;
    };
    if (scored.dayKind === 'stationary') {
      return new BranchCalendar(scored, { stationary: scored, ordinary: scored, 'month-end': scored, pension: scored, 'holiday-eve': scored });
    }
    const kinds: Record<DayKind, Scenario> = {
      stationary: scored,
      ordinary: named('ordinary-day'),
      'month-end': named('month-end'),
      pension: named('pension-day'),
      'holiday-eve': scored,
    };
    kinds[scored.dayKind] = scored;
    const ordinary = kinds.ordinary;
    kinds['holiday-eve'] = { ...ordinary, name: `${ordinary.name}@holiday-eve`, dayKind: 'holiday-eve', customersPerDay: ordinary.customersPerDay * HOLIDAY_EVE_FACTOR };
    return new BranchCalendar(scored, kinds);
  }

  scenarioOf(kind: DayKind): Scenario {
    return this.byKind[kind];
  }

  private calendar(atLeast: number): CalendarDay[] {
    if (this.days.length < atLeast) this.days = calendarDays(Math.max(atLeast, 2 * this.days.length, 64), this.scored.dayKind === 'stationary');
    return this.days;
  }

  /** The first `count` days of the scored kind that have `history` business days from SCORED_FROM before them. */
  scoredDays(count: number, history: number): CalendarDay[] {
    const out: CalendarDay[] = [];
    for (let n = 512; n < 100_000; n *= 2) {
      out.length = 0;
      const days = this.calendar(n);
      const from = days.findIndex((d) => d.date >= SCORED_FROM);
      for (let i = from + history; i < days.length && out.length < count; i++) if (days[i]!.kind === this.scored.dayKind) out.push(days[i]!);
      if (out.length === count) return out;
    }
    throw new Error(`the calendar has too few ${this.scored.dayKind} days`);
  }

  /** The `count` business days before `date`, oldest first. */
  before(date: string, count: number): CalendarDay[] {
    for (let n = 64; n < 100_000; n *= 2) {
      const days = this.calendar(n);
      const i = days.findIndex((d) => d.date === date);
      if (i >= 0) return days.slice(Math.max(0, i - count), i);
    }
    throw new Error(`${date} is not a business day of the calendar`);
  }

  /** The drawn day of a date (cached: a past day is learnt from by many scored days). */
  world(day: CalendarDay): World {
    let w = this.worlds.get(day.date);
    if (!w) {
      w = drawWorld(this.byKind[day.kind], daySeed(this.scored.name, day.date), day.date);
      this.worlds.set(day.date, w);
    }
    return w;
  }
}
