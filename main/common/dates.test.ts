import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CalendarDate, CalendarMonth, DateTime, isCalendarDate } from './dates.js';

describe('calendar dates', () => {
  it('accepts days that exist, leap days in leap years only', () => {
    for (const d of ['2026-03-02', '2024-02-29', '2000-02-29', '2000-01-01', '2100-12-31', '2026-12-31']) expect(isCalendarDate(d)).toBe(true);
  });

  it('refuses days that do not exist, other shapes and years outside 2000–2100', () => {
    for (const d of ['2026-02-30', '2026-02-29', '2100-02-29', '2026-13-45', '2026-04-31', '0000-00-00', '2026-00-10', '2026-01-00', '1999-12-31', '2101-01-01', '9999-12-31', '2026-3-2', '2026-03-02 ', ' 2026-03-02', '２０２６-03-02', '2026-03-02T00:00:00Z']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
    expect(CalendarDate.safeParse('2026-02-30').success).toBe(false);
    expect(CalendarDate.safeParse(20260302).success).toBe(false);
  });

  it('takes months 01–12 within the same years', () => {
    expect(CalendarMonth.safeParse('2026-02').success).toBe(true);
    for (const m of ['2026-13', '2026-00', '0000-00', '2026-2', '1999-12', '2101-01', '2026-02-01']) expect(CalendarMonth.safeParse(m).success, m).toBe(false);
  });

  it('takes ISO date-times with a zone on a real day, nothing else', () => {
    for (const t of ['2026-03-02T10:30:00+08:00', '2026-03-02T02:30:00Z', '2024-02-29T23:59:59.999Z']) expect(DateTime.safeParse(t).success, t).toBe(true);
    for (const t of ['2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02T10:30:00', '2026-03-02', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z', 'x'.repeat(100)]) {
      expect(DateTime.safeParse(t).success, t).toBe(false);
    }
  });
});

describe('one definition of a date', () => {
  it('no other source file checks dates with its own pattern or zod date-time', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') && full !== path.join(root, 'main', 'common', 'dates.ts')) {
          const text = readFileSync(full, 'utf8');
          if (/\\d\{4\}-\\d\{2\}|z\.iso\.(datetime|date)\(|z\.(coerce\.)?date\(/.test(text)) offenders.push(path.relative(root, full));
        }
      }
    };
    for (const dir of ['main', 'renderer']) walk(path.join(root, dir));
    expect(offenders, 'use CalendarDate, CalendarMonth or DateTime from main/common/dates.ts').toEqual([]);
  });
});
