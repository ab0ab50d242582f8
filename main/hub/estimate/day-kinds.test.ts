// Learning per kind of day from hand-built past days: a pension day learns from past pension
// days only (arrivals, service times, breaks, pauses, closures, leaving), and falls back to the
// latest days of any kind when fewer than MIN_KIND_DAYS of its kind are found.
import { describe, expect, it } from 'vitest';
import type { DayKind } from '../../common/calendar.js';
import { SLOT_MINUTES } from './arrival-profile.js';
import { LEARNING_DAYS, LOOKBACK_DAYS, MIN_KIND_DAYS, learnForDayKind, learningDays, type PastDay } from './day-kinds.js';

const MIN = 60_000;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

/**
 * Past day `i` (0 the newest). An ordinary day: 10 cash tickets at 09:00–09:10, 4-minute
 * jobs, nobody leaves, a 10-minute break in 480 minutes, no closures. A pension day: 30
 * tickets, 6-minute jobs, a third leave after 60 minutes, a 30-minute break, a 90-minute
 * mid-day closure.
 */
function day(i: number, kind: DayKind): PastDay {
  const midnight = START - i * DAY_MS;
  const pension = kind === 'pension_day';
  const n = pension ? 30 : 10;
  const tickets = Array.from({ length: n }, (_, k) => ({ issuedAt: midnight + 9 * 60 * MIN + (k % 10) * MIN, service: 'cash', priority: 'normal' as const }));
  const jobs = Array.from({ length: n }, () => ({ service: 'cash', minutes: pension ? 6 : 4 }));
  const reached = Array.from({ length: n }, (_, k) => ({ waitedMinutes: pension ? 60 : 10, left: pension && k % 3 === 0 }));
  return {
    date: new Date(midnight).toISOString().slice(0, 10),
    kind,
    tickets,
    jobs,
    walks: Array.from({ length: n }, () => (pension ? 1 : 0.5)),
    reached,
    counters: {
      stretches: [
        { kind: 'open', minutes: pension ? 450 : 470 },
        { kind: 'break', minutes: pension ? 30 : 10 },
      ],
      pauses: [{ reason: 'other', minutes: pension ? 30 : 10 }],
      closures: pension ? [90] : [],
    },
  };
}

/** Newest first: day i is of kind `kindOf(i)`. */
const history = (length: number, kindOf: (i: number) => DayKind): PastDay[] => Array.from({ length }, (_, i) => day(i, kindOf(i)));
const options = { clipAt: () => Number.POSITIVE_INFINITY, utcOffsetMinutes: 0 };
const nineAm = (9 * 60) / SLOT_MINUTES;
/** A pension day every 20th past day, the rest ordinary. */
const monthly = (i: number): DayKind => (i % 20 === 7 ? 'pension_day' : 'ordinary');

describe('which past days a kind learns from', () => {
  it(`takes the latest ${LEARNING_DAYS} days of the kind, looking back at most ${LOOKBACK_DAYS} days`, () => {
    const past = history(500, monthly);
    const { days, fallback } = learningDays(past, 'pension_day');
    expect(fallback).toBe(false);
    // Pension days at 7, 27, …, 367 inside the look-back; 387 and later are too old.
    expect(days.map((d) => d.date)).toEqual(past.filter((d, i) => d.kind === 'pension_day' && i < LOOKBACK_DAYS).map((d) => d.date));
    expect(days).toHaveLength(19);
    expect(learningDays(past, 'ordinary').days.every((d) => d.kind === 'ordinary')).toBe(true);
    expect(learningDays(past, 'ordinary').days).toHaveLength(LEARNING_DAYS);
  });

  it(`falls back to the latest ${LEARNING_DAYS} days of any kind below ${MIN_KIND_DAYS} days of the kind`, () => {
    const twoPension = history(60, (i) => (i === 7 || i === 27 ? 'pension_day' : 'ordinary'));
    const fell = learningDays(twoPension, 'pension_day');
    expect(fell.fallback).toBe(true);
    expect(fell.days).toEqual(twoPension.slice(0, LEARNING_DAYS));
    const threePension = history(60, monthly);
    expect(learningDays(threePension, 'pension_day')).toEqual({ days: [threePension[7], threePension[27], threePension[47]], fallback: false });
    // No kind asked: the latest days of any kind, not a fallback.
    expect(learningDays(threePension, null)).toEqual({ days: threePension.slice(0, LEARNING_DAYS), fallback: false });
  });
});

describe('learning a pension day from past pension days', () => {
  const past = history(100, monthly);

  it('learns arrivals, service times, walks, breaks, pauses, closures and leaving from pension days only', () => {
    const { arrivalProfile, history: h } = learnForDayKind(past, 'pension_day', options);
    expect(h.learntFrom).toEqual({ kind: 'pension_day', fallback: false });
    expect(h.days).toBe(5);
    expect(arrivalProfile.days).toBe(5);
    // 30 tickets a pension day, all between 09:00 and 09:10.
    expect(arrivalProfile.perSlot['cash']!['normal']![nineAm]).toBeCloseTo(30, 9);
    expect(h.services['cash']).toMatchObject({ minutes: 6, jobs: 150 });
    expect(h.walkUpMinutes).toBeCloseTo(1, 9);
    expect(h.breakShare).toBeCloseTo(30 / 480, 9);
    expect(h.pauseMinutes).toEqual({ other: 30 });
    expect(h.closedMidDayMinutes).toBeCloseTo(90, 9);
    // A third leave within 60 minutes: 1 − e^(−60λ) = 1/3 gives λ ≈ 0.00676 (the prior's 600 minutes pull it a little lower).
    expect(h.leavingPerMinute!).toBeGreaterThan(0.0055);
    expect(h.leavingPerMinute!).toBeLessThan(0.0068);
  });

  it('learns an ordinary day from ordinary days only', () => {
    const { arrivalProfile, history: h } = learnForDayKind(past, 'ordinary', options);
    expect(h.learntFrom).toEqual({ kind: 'ordinary', fallback: false });
    expect(h.days).toBe(LEARNING_DAYS);
    expect(arrivalProfile.perSlot['cash']!['normal']![nineAm]).toBeCloseTo(10, 9);
    expect(h.services['cash']!.minutes).toBeCloseTo(4, 9);
    expect(h.breakShare).toBeCloseTo(10 / 480, 9);
    expect(h.closedMidDayMinutes).toBeNull();
    // Nobody left: only the prior keeps the rate above zero.
    expect(h.leavingPerMinute!).toBeLessThan(0.0005);
  });

  it('a hub with one past pension day learns a pension day from the latest days of any kind, and says so', () => {
    const young = history(30, (i) => (i === 3 ? 'pension_day' : 'ordinary'));
    const { arrivalProfile, history: h } = learnForDayKind(young, 'pension_day', options);
    expect(h.learntFrom).toEqual({ kind: 'pension_day', fallback: true });
    expect(h.days).toBe(LEARNING_DAYS);
    // 19 ordinary days of 10 and one pension day of 30.
    expect(arrivalProfile.perSlot['cash']!['normal']![nineAm]).toBeCloseTo((19 * 10 + 30) / 20, 9);
  });

  it('no past days: nothing known', () => {
    const { arrivalProfile, history: h } = learnForDayKind([], 'month_end', options);
    expect(arrivalProfile.days).toBe(0);
    expect(h).toMatchObject({ days: 0, services: {}, breakShare: null, walkUpMinutes: null, learntFrom: { kind: 'month_end', fallback: true } });
  });
});
