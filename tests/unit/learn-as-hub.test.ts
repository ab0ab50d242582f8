// The bench learns exactly as the hub does (issue 15): a pension day's knowledge comes from
// past pension days of the branch calendar, through the hub's own learnForDayKind, and from
// the last 20 days of any kind while fewer than 3 pension days have passed. Small made-up
// scenarios (30 customers a day) whose service means tell the kinds apart: ordinary 2
// minutes, month-end 4, pension 8.
import { describe, expect, it } from 'vitest';
import { learnForDayKind } from '../../main/hub/estimate/index.js';
import { CLIP_FACTOR } from '../../main/hub/estimate/service-times.js';
import { calendarKnowledge, learningDaysBefore, LEARNT_DAYS, simulatedPastDay } from '../../bench/predictors/branch-knowledge.js';
import { BranchCalendar, calendarDays, SCORED_FROM } from '../../bench/sim/calendar.js';
import { loadScenario, type Scenario } from '../../bench/sim/scenario.js';

const tiny = loadScenario(new URL('../fixtures/bench-tiny/tiny.json', import.meta.url).pathname);

function kindOf(name: string, dayKind: Scenario['dayKind'], meanMinutes: number): Scenario {
  return {
    ...tiny,
    name,
    dayKind,
    distribution: 'lognormal',
    patienceMeanMinutes: 60,
    kinds: [{ name: 'one', service: 'svc', share: 1, meanMinutes, cv: 0.1, choice: 'one' }],
  };
}
const ordinary = kindOf('ordinary-day', 'ordinary', 2);
const monthEnd = kindOf('month-end', 'month-end', 4);
const pension = kindOf('pension-day', 'pension', 8);
const clip = { clipAt: () => CLIP_FACTOR * tiny.services[0]!.priorServiceMinutes, utcOffsetMinutes: 0 };

describe('the bench learns a day of a kind as the hub does', () => {
  it('a scored pension day learns from the past pension days, through learnForDayKind', () => {
    const branch = BranchCalendar.of(pension, [ordinary, monthEnd, pension]);
    const date = branch.scoredDays(1, LEARNT_DAYS)[0]!;
    expect(date.date >= SCORED_FROM).toBe(true);
    const days = learningDaysBefore(branch, date.date);
    // The calendar starts a year earlier: 2023's twelve pension days and January 2024's.
    expect(days.length).toBeGreaterThanOrEqual(12);
    expect(days.every((d) => d.kind === 'pension' && d.date < date.date)).toBe(true);
    const k = calendarKnowledge(branch, date.date);
    expect(k.history.learntFrom).toEqual({ kind: 'pension_day', fallback: false });
    expect(k.history.days).toBe(days.length);
    expect(k.arrivalProfile.days).toBe(days.length);
    expect(k.history.services['svc']!.minutes).toBeGreaterThan(7);
    // What the hub's PastDay has and the old bench knowledge did not: reached tickets (leaving), counter days, choices.
    expect(k.history.leavingPerMinute).toBeGreaterThan(0);
    expect(k.history.breakShare).not.toBeNull();
    expect(k.history.choices?.['svc']?.['one']?.jobs).toBeGreaterThan(30);
    // Exactly what the hub's learning path gives for those days, simulated once each.
    const learnt = learnForDayKind(days.map((d) => simulatedPastDay(branch.world(d), 'pension_day')), 'pension_day', clip);
    expect(k.history).toEqual(learnt.history);
    expect(k.arrivalProfile).toEqual(learnt.arrivalProfile);
  });

  it('falls back to the last 20 days of any kind while fewer than 3 pension days have passed', () => {
    const branch = BranchCalendar.of(pension, [ordinary, monthEnd, pension]);
    const pensionDays = calendarDays(120).filter((d) => d.kind === 'pension');
    // The third pension day of the calendar has two before it: too few.
    const third = calendarKnowledge(branch, pensionDays[2]!.date);
    expect(third.history.learntFrom).toEqual({ kind: 'pension_day', fallback: true });
    expect(third.history.days).toBe(LEARNT_DAYS);
    expect(learningDaysBefore(branch, pensionDays[2]!.date).filter((d) => d.kind === 'ordinary').length).toBeGreaterThan(10);
    // Mostly ordinary days of 2 minutes.
    expect(third.history.services['svc']!.minutes).toBeLessThan(4);
    // The fourth has three: learnt from them alone.
    const fourth = calendarKnowledge(branch, pensionDays[3]!.date);
    expect(fourth.history.learntFrom).toEqual({ kind: 'pension_day', fallback: false });
    expect(fourth.history.days).toBe(3);
    expect(fourth.history.services['svc']!.minutes).toBeGreaterThan(7);
  });

  it('keeps the scored days where they were before the calendar started a year earlier', () => {
    const dates = (s: Scenario) => BranchCalendar.of(s, [ordinary, monthEnd, pension]).scoredDays(2, LEARNT_DAYS).map((d) => d.date);
    // The dates README's round five quotes (its first day of each kind).
    expect(dates(ordinary)[0]).toBe('2024-01-30');
    expect(dates(pension)[0]).toBe('2024-02-05');
    expect(dates(monthEnd)[0]).toBe('2024-01-31');
  });
});
