// Every date, month and date-time the API takes goes through main/common/dates.ts: a file
// that checks dates its own way would let impossible days back in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
