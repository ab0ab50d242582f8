// The bench's honest learning (issue 15): each scenario is scored on its kind of day in a
// calendar of mixed days, the hub learning from the past days of the scored day's kind as the
// hub does (tests/unit/learn-as-hub.test.ts has the details); days vary beyond Poisson by a day
// factor; intervals are over days.
import { describe, expect, it } from 'vitest';
import { BranchCalendar, calendarDays } from '../../bench/sim/calendar.js';
import { loadScenarios, SCENARIO_DIR } from '../../bench/sim/scenario.js';
import { drawWorld } from '../../bench/sim/world.js';
import { learningDaysBefore, LEARNT_DAYS } from '../../bench/predictors/branch-knowledge.js';
import { meanInterval, t975 } from '../../bench/predictors/intervals.js';
import { medianStandardError } from '../../bench/predictors/oracle.js';

const scenarios = loadScenarios(SCENARIO_DIR);
const named = (name: string) => scenarios.find((s) => s.name === name)!;

describe('the branch calendar', () => {
  // The calendar starts in 2023 (history only); 2024 is the year the scored days are in.
  const year = calendarDays(520).filter((d) => d.date.startsWith('2024'));

  it('mixes ordinary days, month-ends, pension days and holiday eves, on weekdays only', () => {
    const count = (kind: string) => year.filter((d) => d.kind === kind).length;
    expect(count('month-end')).toBeGreaterThanOrEqual(9);
    expect(count('pension')).toBeGreaterThanOrEqual(11);
    expect(count('holiday-eve')).toBeGreaterThanOrEqual(5);
    expect(count('ordinary')).toBeGreaterThan(200);
    for (const d of year) expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    // 2024-01-31 is a Wednesday, the month's last business day; 2024-02-05 a Monday, the pension day.
    expect(year.find((d) => d.date === '2024-01-31')?.kind).toBe('month-end');
    expect(year.find((d) => d.date === '2024-02-05')?.kind).toBe('pension');
    // 2024-09-30 is the last business day before the National Day holiday: a holiday eve beats a month-end.
    expect(year.find((d) => d.date === '2024-09-30')?.kind).toBe('holiday-eve');
  });

  it('scores a pension day after 20 business days of every kind and learns from the past pension days', () => {
    const branch = BranchCalendar.of(named('pension-day'), scenarios);
    const days = branch.scoredDays(3, LEARNT_DAYS);
    expect(days.map((d) => d.kind)).toEqual(['pension', 'pension', 'pension']);
    const past = branch.before(days[1]!.date, LEARNT_DAYS);
    expect(past).toHaveLength(LEARNT_DAYS);
    expect(past.every((d) => d.date < days[1]!.date)).toBe(true);
    // The 20 business days before it are mostly ordinary days…
    expect(past.filter((d) => d.kind === 'ordinary').length).toBeGreaterThan(10);
    expect(past.some((d) => d.kind === 'pension')).toBe(true);
    const scenarioOf: Record<string, string> = { ordinary: 'ordinary-day', 'month-end': 'month-end', pension: 'pension-day', 'holiday-eve': 'ordinary-day@holiday-eve' };
    for (const d of past) expect(branch.world(d).scenario.name).toBe(scenarioOf[d.kind]);
    // … but the hub learns a pension day from past pension days (main/hub/estimate/day-kinds.ts),
    // and so does the bench: the calendar's year before has a dozen. (What it learns from them:
    // tests/unit/learn-as-hub.test.ts, on small scenarios; thirteen simulated pension days of 800
    // customers take half a minute.)
    const learning = learningDaysBefore(branch, days[1]!.date);
    expect(learning.length).toBeGreaterThanOrEqual(12);
    expect(learning.every((d) => d.kind === 'pension' && d.date < days[1]!.date)).toBe(true);
  });

  it('keeps the M/M/8 validation a calendar of its own days', () => {
    const branch = BranchCalendar.of(named('validation-mm8'), scenarios);
    const days = branch.scoredDays(5, LEARNT_DAYS);
    expect(new Set(days.map((d) => d.kind))).toEqual(new Set(['stationary']));
    expect(branch.before(days[0]!.date, LEARNT_DAYS).every((d) => branch.world(d).scenario.name === 'validation-mm8')).toBe(true);
    expect(branch.world(days[0]!).dayFactor).toBe(1);
  });
});

describe('the day factor', () => {
  it('spreads daily counts beyond Poisson around the scenario mean', () => {
    const ordinary = named('ordinary-day');
    const worlds = Array.from({ length: 60 }, (_, i) => drawWorld(ordinary, 1000 + i));
    const factors = worlds.map((w) => w.dayFactor);
    const mean = factors.reduce((a, b) => a + b, 0) / factors.length;
    const sd = Math.sqrt(factors.reduce((a, f) => a + (f - mean) ** 2, 0) / (factors.length - 1));
    expect(mean).toBeGreaterThan(0.95);
    expect(mean).toBeLessThan(1.05);
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.14);
    // Daily counts follow the factor: the busiest day by factor has more customers than the quietest.
    const byFactor = [...worlds].sort((a, b) => a.dayFactor - b.dayFactor);
    expect(byFactor[byFactor.length - 1]!.customers.length).toBeGreaterThan(byFactor[0]!.customers.length);
  });
});

describe('day-level intervals', () => {
  it("uses Student's t over days", () => {
    expect(t975(19)).toBeCloseTo(2.093, 2);
    expect(t975(39)).toBeCloseTo(2.023, 2);
    expect(t975(4)).toBe(2.776);
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    expect(i.halfWidth).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(meanInterval([4]).halfWidth).toBe(Number.POSITIVE_INFINITY);
  });

  it("gives the oracle's median a Monte Carlo standard error from its runs", () => {
    const runs = Array.from({ length: 100 }, (_, i) => i);
    // Ranks 45 and 54 around the median of 0…99: about 1/(2·√n) of the spread each side.
    expect(medianStandardError(runs)).toBeCloseTo(4.5, 6);
    expect(medianStandardError([3])).toBeNaN();
  });
});
