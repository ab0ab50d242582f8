import { describe, expect, it } from 'vitest';
import { appointmentTime } from './date-time.js';

const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();
const none = { at: null, date: null, time: null };

describe('an appointment time as a file holds it', () => {
  it.each([['2026-12-02 09:30'], ['2026/12/2 9:30'], ['2026-12-02T09:30'], ['2026.12.02 09:30:00'], ['2026年12月2日 9:30'], ['2026-12-02 09：30']])('reads %s on the branch clock', (at) => {
    expect(appointmentTime({ ...none, at })).toBe(local(2026, 12, 2, 9, 30));
  });

  it('reads a date and a time column, as text or as Excel cells', () => {
    expect(appointmentTime({ at: null, date: '2026-12-02', time: '14:05' })).toBe(local(2026, 12, 2, 14, 5));
    const excelDate = new Date(Date.UTC(2026, 11, 2, 0, 0));
    const excelTime = new Date(Date.UTC(1899, 11, 30, 14, 4, 59, 999)); // a float, a millisecond short
    expect(appointmentTime({ at: null, date: excelDate, time: excelTime })).toBe(local(2026, 12, 2, 14, 5));
    expect(appointmentTime({ at: null, date: excelDate, time: 0.5 })).toBe(local(2026, 12, 2, 12, 0));
    expect(appointmentTime({ ...none, at: new Date(Date.UTC(2026, 11, 2, 9, 29, 59, 999)) })).toBe(local(2026, 12, 2, 9, 30));
  });

  it('takes an ISO time with a zone as it says', () => {
    expect(appointmentTime({ ...none, at: '2026-12-02T01:30:00Z' })).toBe(Date.UTC(2026, 11, 2, 1, 30));
  });

  it.each([['2026-02-30 09:30'], ['2026-12-02'], ['09:30'], ['tomorrow'], ['2026-12-02 25:00'], ['1999-12-02 09:30'], ['']])('refuses %s', (at) => {
    expect(appointmentTime({ ...none, at })).toBeNull();
  });
});
