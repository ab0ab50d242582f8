// The calendar of day kinds over HTTP, against a real hub: the defaults, only the admin sets
// it, a bad body is refused with a code and nothing written, a change is a `settings.changed`
// event with its actor, read back at once (no restart) and kept over one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { DEFAULT_CALENDAR } from '../../../common/calendar.js';
import { readCalendar } from '../../settings/calendar.js';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(() => hub.close());

const put = (token: string, body: unknown) => hub.api('PUT', '/api/settings/calendar', { token, body });
const get = (token: string) => hub.api('GET', '/api/settings/calendar', { token });

describe('calendar setting', () => {
  it('starts from the defaults with today and its kind, readable by the admin, the manager and the supervisor', async () => {
    const today = hub.hub.state.day!.date;
    const res = await get(admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...DEFAULT_CALENDAR, today: { date: today, kind: expect.stringMatching(/^(ordinary|month_end|pension_day)$/) } });
    expect((await get(await hub.login('manager'))).status).toBe(200);
    expect((await get(await hub.login('supervisor'))).status).toBe(200);
    expect((await get(await hub.login('teller1'))).status).toBe(403);
  });

  it('refuses a manager or a teller (403) and bad bodies (400, code and message), writing nothing', async () => {
    const seq = hub.hub.lastSeq();
    for (const who of ['manager', 'teller1']) {
      const res = await put(await hub.login(who), DEFAULT_CALENDAR);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String) });
    }
    const since = hub.hub.lastSeq(); // the sign-ins above are events of their own
    const bad: unknown[] = [
      {},
      { ...DEFAULT_CALENDAR, pensionDays: [0] },
      { ...DEFAULT_CALENDAR, pensionDays: [32] },
      { ...DEFAULT_CALENDAR, pensionDays: [13, 13] },
      { ...DEFAULT_CALENDAR, pensionDays: '13' },
      { ...DEFAULT_CALENDAR, monthEndDays: 8 },
      { ...DEFAULT_CALENDAR, monthEndDays: 1.5 },
      { ...DEFAULT_CALENDAR, holidayEves: ['2026-02-30'] },
      { ...DEFAULT_CALENDAR, holidayEves: ['30/09/2026'] },
      { ...DEFAULT_CALENDAR, holidayEves: Array.from({ length: 61 }, (_, i) => `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`) },
      { ...DEFAULT_CALENDAR, pensionOnWeekend: 'never' },
      { ...DEFAULT_CALENDAR, extra: true },
      [13],
      null,
    ];
    for (const body of bad) {
      const res = await put(admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const raw = await hub.api('PUT', '/api/settings/calendar', { token: admin, raw: '{"pensionDays":' });
    expect(raw.status).toBe(400);
    expect(hub.hub.lastSeq()).toBe(since);
    expect(hub.hub.ledger.readEvents(seq).filter((e) => e.type === 'settings.changed')).toEqual([]);
    expect((await get(admin)).body).toMatchObject(DEFAULT_CALENDAR);
  });

  it('is recorded with who set it, read back at once in order, and today is a holiday eve when the branch says so', async () => {
    const today = hub.hub.state.day!.date;
    const body = { pensionDays: [20, 5], pensionOnWeekend: 'monday_after', monthEndDays: 3, holidayEves: [today, '2000-01-03'].sort().reverse() };
    const res = await put(admin, body);
    expect(res.status).toBe(200);
    const stored = { pensionDays: [5, 20], pensionOnWeekend: 'monday_after', monthEndDays: 3, holidayEves: [...body.holidayEves].sort() };
    expect(res.body).toEqual({ ...stored, today: { date: today, kind: 'holiday_eve' } });
    const last = hub.hub.ledger.readEvents(hub.hub.lastSeq())[0]!;
    expect(last).toMatchObject({ type: 'settings.changed', key: 'estimate.calendar', actor: 'admin' });
    expect(JSON.parse((last as { value: string }).value)).toEqual(stored);
    expect((await get(admin)).body).toEqual(res.body);
    // What the estimator reads when it relearns (ledger-knowledge.ts).
    expect(readCalendar(hub.hub.ledger.db)).toEqual(stored);
  });

  it('holds after a restart', async () => {
    const own = await startTestHub();
    const calendar = { pensionDays: [13], pensionOnWeekend: 'friday_before', monthEndDays: 0, holidayEves: [] };
    expect((await own.api('PUT', '/api/settings/calendar', { token: await own.login('admin'), body: calendar })).status).toBe(200);
    await own.close();
    const again = await startTestHub({ dataDir: own.dataDir });
    try {
      expect((await again.api('GET', '/api/settings/calendar', { token: await again.login('admin') })).body).toMatchObject(calendar);
    } finally {
      await again.close();
    }
  });
});
