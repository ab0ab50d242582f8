// The hub's estimator knowledge read from a real ledger (SQLite with the real migrations).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger } from '../ledger/index.js';
import { SLOT_MINUTES } from './arrival-profile.js';
import { historyFromLedger, ledgerKnowledge, profileFromLedger, rotaFromSettings } from './ledger-knowledge.js';
import { ROTA_SETTING } from './rota.js';
import { CALENDAR_SETTING } from '../settings/calendar.js';
import { DEFAULT_CALENDAR } from '../../common/calendar.js';
import type { BranchHistory } from './branch-history.js';
import { openHubLedger } from '../projectors.js';

const MIN = 60_000;
let dir = '';
let ledger: Ledger | null = null;

function open(): Ledger {
  dir = mkdtempSync(path.join(tmpdir(), 'atrium-knowledge-'));
  ledger = openHubLedger(dir);
  return ledger;
}

afterEach(() => {
  ledger?.close();
  ledger = null;
  rmSync(dir, { recursive: true, force: true });
});

function ticket(l: Ledger, id: string, day: string, issuedAt: number, priority = 'normal', served?: { service: string; minutes: number; status?: string }): void {
  // Called a minute after issue, at the counter 30 s later.
  const called = served ? issuedAt + MIN : null;
  const started = called === null ? null : called + 30_000;
  l.db
    .prepare(
      "INSERT INTO tickets (id, number, service, priority, status, business_day, issued_at, called_at, started_at, finished_at, recalls, transfers, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '[]')",
    )
    .run(id, id, served?.service ?? 'cash', priority, served?.status ?? 'done', day, issuedAt, called, started, started === null ? null : started + served!.minutes * MIN);
}

function businessDay(l: Ledger, date: string, openedAt: number): void {
  l.db.prepare("INSERT INTO business_days (date, status, opened_at, closed_at) VALUES (?, 'closed', ?, NULL)").run(date, openedAt);
}

describe('ledger knowledge', () => {
  it('reads a valid rota, and ignores a malformed one with a warning', () => {
    const l = open();
    expect(rotaFromSettings(l.db)).toEqual([]);
    l.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(ROTA_SETTING, JSON.stringify([{ counter: '1', from: '11:30', until: '13:30' }]));
    expect(rotaFromSettings(l.db)).toEqual([{ counter: '1', from: '11:30', until: '13:30', reason: 'lunch' }]);
    l.db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('[{"counter":"1","from":"14:00","until":"13:00"}]', ROTA_SETTING);
    const warnings: string[] = [];
    expect(rotaFromSettings(l.db, (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('learns the profile from past days only, per day, and relearns when the day changes', () => {
    const l = open();
    // UTC branch: two past days with two VIPs at 09:00–09:15, today with ten more.
    for (const [i, day] of ['2025-03-10', '2025-03-11'].entries()) {
      ticket(l, `v${i}a`, day, Date.parse(`${day}T09:05:00Z`), 'vip');
      ticket(l, `v${i}b`, day, Date.parse(`${day}T09:10:00Z`), 'vip');
    }
    for (let i = 0; i < 10; i++) ticket(l, `t${i}`, '2025-03-12', Date.parse('2025-03-12T09:01:00Z') + i * MIN, 'vip');
    const profile = profileFromLedger(l.db, '2025-03-12', 0);
    expect(profile.days).toBe(2);
    expect(profile.perSlot['cash']!['vip']![(9 * 60) / SLOT_MINUTES]).toBeCloseTo(2, 9);

    let now = Date.parse('2025-03-12T10:00:00Z');
    const knowledge = ledgerKnowledge(l.db, () => now);
    const get = knowledge.arrivalProfile as () => { days: number };
    expect(get().days).toBe(2);
    now = Date.parse('2025-03-13T10:00:00Z');
    // The 12th is a past day now (10:00 UTC is the 13th in every zone within ten hours of UTC).
    expect(get().days).toBe(3);
  });

  it('learns past service times (clipped, finished jobs only) and the share of counter time on breaks', () => {
    const l = open();
    l.db.prepare("INSERT INTO services (code, prefix, name_zh, name_en, target_wait_minutes, max_wait_minutes, prior_service_minutes) VALUES ('cash', 'A', '现金', 'Cash', 10, 20, 4)").run();
    const day1 = '2025-03-10';
    const open1 = Date.parse(`${day1}T09:00:00Z`);
    businessDay(l, day1, open1);
    ticket(l, 'a', day1, open1, 'normal', { service: 'cash', minutes: 2 });
    ticket(l, 'b', day1, open1, 'normal', { service: 'cash', minutes: 6 });
    // A teller who forgot to finish: counted as 4 × the configured 4 minutes, not 100.
    ticket(l, 'c', day1, open1, 'normal', { service: 'cash', minutes: 100 });
    // A no-show is no service time.
    ticket(l, 'd', day1, open1, 'normal', { service: 'cash', minutes: 30, status: 'no_show' });
    // Counter 1: open 09:00, break 11:00–11:10, lunch 12:00–13:00 (not a break), open until the day closes at 17:00.
    const at = (hhmm: string): number => Date.parse(`${day1}T${hhmm}:00Z`);
    const entries: [string, object, string][] = [
      ['counter.opened', { counter: '1', staffId: 's1' }, '09:00'],
      ['counter.paused', { counter: '1', reason: 'other' }, '11:00'],
      ['counter.resumed', { counter: '1' }, '11:10'],
      ['counter.paused', { counter: '1', reason: 'lunch' }, '12:00'],
      ['counter.resumed', { counter: '1' }, '13:00'],
      ['day.closed', { date: day1, unserved: [] }, '17:00'],
      // Today's events are not history.
      ['counter.paused', { counter: '1', reason: 'other' }, '23:00'],
    ];
    businessDay(l, '2025-03-11', Date.parse('2025-03-11T09:00:00Z'));
    for (const [type, data, hhmm] of entries) {
      const when = type === 'counter.paused' && hhmm === '23:00' ? Date.parse('2025-03-11T10:00:00Z') : at(hhmm);
      l.append([{ event: { type, ...data } as never, actor: null }], when);
    }

    const history = historyFromLedger(l.db, '2025-03-11');
    expect(history.days).toBe(1);
    expect(history.services['cash']!.jobs).toBe(3);
    expect(history.services['cash']!.minutes).toBeCloseTo((2 + 6 + 16) / 3, 9);
    // Work 09:00–11:00, 11:10–12:00, 13:00–17:00 = 410 min; break 10 min.
    expect(history.breakShare).toBeCloseTo(10 / 420, 9);
    expect(history.walkUpMinutes).toBeCloseTo(0.5, 9);
    expect(historyFromLedger(l.db, '2025-03-10')).toMatchObject({ days: 0, services: {}, breakShare: null, walkUpMinutes: null });
  });

  it('learns a pension day from past pension days, and relearns when the calendar changes', () => {
    const l = open();
    // Three past pension days (the default calendar's 13th) with three VIPs at 09:05, ten
    // ordinary days with one; today, 13 March 2025, is a pension day.
    const pension = ['2024-12-13', '2025-01-13', '2025-02-13'];
    const ordinary = Array.from({ length: 10 }, (_, i) => `2025-03-${String(i + 3).padStart(2, '0')}`);
    for (const d of pension) for (let k = 0; k < 3; k++) ticket(l, `${d}-${k}`, d, Date.parse(`${d}T09:05:00Z`), 'vip');
    for (const d of ordinary) ticket(l, `${d}-0`, d, Date.parse(`${d}T09:05:00Z`), 'vip');
    const slot = (9 * 60) / SLOT_MINUTES;

    const kinds = profileFromLedger(l.db, '2025-03-13', 0, DEFAULT_CALENDAR);
    expect(kinds.days).toBe(3);
    expect(kinds.perSlot['cash']!['vip']![slot]).toBeCloseTo(3, 9);
    expect(historyFromLedger(l.db, '2025-03-13', DEFAULT_CALENDAR).learntFrom).toEqual({ kind: 'pension_day', fallback: false });
    // Without a calendar: the latest days of any kind, as before kinds.
    const any = profileFromLedger(l.db, '2025-03-13', 0);
    expect(any.days).toBe(13);
    expect(any.perSlot['cash']!['vip']![slot]).toBeCloseTo((3 * 3 + 10) / 13, 9);
    // An ordinary day learns from the ten ordinary days only.
    expect(profileFromLedger(l.db, '2025-03-14', 0, DEFAULT_CALENDAR).perSlot['cash']!['vip']![slot]).toBeCloseTo(1, 9);

    // The hub's knowledge: today's kind from the setting (never set: the default calendar).
    const now = Date.parse('2025-03-13T10:00:00Z');
    const knowledge = ledgerKnowledge(l.db, () => now);
    const history = knowledge.history as () => BranchHistory;
    const profile = knowledge.arrivalProfile as () => { days: number };
    expect(history().learntFrom).toEqual({ kind: 'pension_day', fallback: false });
    expect(profile().days).toBe(3);
    // The branch pays pensions on the 5th: the 13th is ordinary now, learnt from the ordinary days.
    l.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(CALENDAR_SETTING, JSON.stringify({ ...DEFAULT_CALENDAR, pensionDays: [5] }));
    expect(history().learntFrom).toEqual({ kind: 'ordinary', fallback: false });
    // Ordinary now: the ten March days and the three 13ths (the 5th of March is now a pension day).
    expect(profile().days).toBe(12);
  });
});
