// The quiet range's calibration (bench/calibrate-quiet-range.ts, bench/README.md "Round six: the
// quiet range"): it runs on days of the 2023 history year only, never a scored day, with the
// days it calibrates on apart from the days it holds out; and it reports the customers called
// at once apart from those who wait, because the first hold their 0–1 range with certainty and
// lift the share held over all of them (51–55% of a quiet day's customers at ticket issue).
import { describe, expect, it } from 'vitest';
import { atOnce, historyDays, quietFigures, type QuietRow } from '../../bench/calibrate-quiet-range.js';
import { LEARNT_DAYS } from '../../bench/predictors/branch-knowledge.js';
import { BranchCalendar, calendarDays, SCORED_FROM } from '../../bench/sim/calendar.js';
import { loadScenarios, SCENARIO_DIR } from '../../bench/sim/scenario.js';

describe('the quiet range is calibrated on unscored days', () => {
  const scenarios = loadScenarios(SCENARIO_DIR);

  it('takes 2023 days with 20 business days before them, calibration and held-out days apart, none scored', () => {
    const cal = historyDays('cal', 100);
    const held = historyDays('held', 100);
    expect(cal).toHaveLength(100);
    expect(held).toHaveLength(100);
    expect(new Set([...cal, ...held]).size).toBe(200);
    const all = calendarDays(300, true).map((d) => d.date);
    for (const date of [...cal, ...held]) {
      expect(date < SCORED_FROM).toBe(true);
      expect(all.indexOf(date)).toBeGreaterThanOrEqual(LEARNT_DAYS);
    }
    for (const name of ['quiet-corporate', 'quiet-afternoon']) {
      const scored = BranchCalendar.of(scenarios.find((s) => s.name === name)!, scenarios).scoredDays(20, LEARNT_DAYS).map((d) => d.date);
      expect(scored.filter((d) => cal.includes(d) || held.includes(d))).toEqual([]);
    }
    // An ordinary day's quiet stretches: only ordinary days of the mixed calendar.
    const kinds = new Map(calendarDays(300).map((d) => [d.date, d.kind]));
    for (const date of historyDays('cal', 10, 'ordinary')) expect(kinds.get(date)).toBe('ordinary');
  });

  it('reports the customers called at once apart: their 0–1 range holds them all, whatever the mass', () => {
    const now: QuietRow = { date: '2023-03-01', waiting: 1, runs: Array.from({ length: 400 }, () => 0), realised: 0 };
    // A wait of 1 to 5 minutes, evenly (mass 0.8: 1–4 min; 0.5: 2–4 min), and a realised wait.
    const waits = (realised: number): QuietRow => ({ date: '2023-03-01', waiting: 2, runs: Array.from({ length: 400 }, (_, i) => 1 + (4 * i) / 399), realised });
    const rows = [now, now, waits(3), waits(1.5)];
    expect(rows.filter(atOnce)).toHaveLength(2);
    for (const mass of [0.8, 0.5]) {
      const f = quietFigures(rows, mass);
      expect(f.atOnce.held).toBe(1);
      expect(f.all.n).toBe(4);
      expect(f.all.held).toBeCloseTo((2 + f.waiting.held * 2) / 4, 10);
    }
    // The narrower mass loses a customer who waits, never one called at once.
    expect(quietFigures(rows, 0.8).waiting.held).toBe(1);
    expect(quietFigures(rows, 0.5).waiting.held).toBe(0.5);
    // A busy moment (more than QUIET_WAITING waiting) gets the busy band, not this range: left out.
    expect(quietFigures([...rows, { ...waits(3), waiting: 12 }], 0.8).all.n).toBe(4);
  });
});
