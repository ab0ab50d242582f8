// Teller figures (issue 14, point 5) on /records: a whole branch day played minute by minute on
// a hub of the spec's own with a fake clock (tests/support/hub.ts, through the hub's one write
// path, as display-fit.spec.ts does), so the minutes are a real day's, not a test's seconds.
// Five tellers; teller3 moves from counter 3 to counter 5 after lunch; staggered lunches, a
// cash replenishment, recalls, no-shows and a transfer. Then the reports tab shows the table,
// the chart and the CSV, daily and monthly, equal to GET /api/reports/staff; screenshots in
// zh-CN and en go to docs/screens/records-teller-figures-{zh,en}.png.
import { expect, test, type Browser, type Page } from './test.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueueCommand } from '../../main/common/events.js';
import type { StaffFigures } from '../../main/common/records.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signIn } from './screens.js';

const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
const DATE = '2026-06-09';
let now = new Date(2026, 5, 9, 8, 40).getTime();
const at = (h: number, m: number) => (now = new Date(2026, 5, 9, h, m).getTime());
let hub: TestHub;

test.beforeAll(async () => {
  // The demo hub opens its day at the fake clock's date; sign-ins never idle out across the day.
  hub = await startTestHub({ clock: () => now, options: { staffIdleMinutes: 24 * 60 } });
  playDay();
});
test.afterAll(async () => hub?.close());

/** The day: arrivals every few minutes, each counter calling, serving and pausing in turn. */
function playDay(): void {
  const h = hub.hub;
  const run = (c: QueueCommand, actor: string) => h.execute(c, actor);
  const seats: Record<string, string> = { '1': 'teller1', '2': 'teller2', '3': 'teller3', '4': 'teller4', '6': 'teller5' };
  for (const [counter, staffId] of Object.entries(seats)) run({ type: 'counter.open', counter, staffId }, staffId);
  // What each counter does next, and when: minutes since midnight.
  const next = new Map<string, { at: number; step: 'start' | 'finish' | 'resume'; ticket?: string }>();
  const lunches: Record<string, number> = { '2': 11 * 60 + 30, '4': 12 * 60 + 30, '1': 12 * 60, '6': 12 * 60 + 15 };
  const services = ['cash', 'noncash', 'cash', 'cash', 'noncash', 'vip', 'cash', 'corporate'];
  const paused = new Set<string>();
  let issued = 0;
  for (let minute = 9 * 60; minute <= 16 * 60 + 30; minute++) {
    at(Math.floor(minute / 60), minute % 60);
    // A customer every 3 minutes (more at 10–11), none after 16:00.
    if (minute < 16 * 60 && (minute % 3 === 0 || (minute >= 10 * 60 && minute < 11 * 60 && minute % 3 === 1))) {
      run({ type: 'ticket.issue', id: `tf-${issued}`, service: services[issued % services.length]!, priority: 'normal' }, 'kiosk');
      issued++;
    }
    // teller3 leaves counter 3 once free after 12:00, and takes counter 5 at 13:00.
    if (minute >= 12 * 60 && seats['3'] && !next.has('3')) {
      run({ type: 'counter.close', counter: '3' }, 'teller3');
      delete seats['3'];
    }
    if (minute >= 13 * 60 && !seats['3'] && !seats['5']) {
      run({ type: 'counter.open', counter: '5', staffId: 'teller3' }, 'teller3');
      seats['5'] = 'teller3';
    }
    for (const [counter, staffId] of Object.entries(seats)) {
      const state = h.state.counters[counter]!;
      const plan = next.get(counter);
      if (plan && plan.at > minute) continue;
      if (plan?.step === 'start') {
        run({ type: 'ticket.start', ticket: plan.ticket! }, staffId);
        // 4 to 12 minutes of service, by the ticket's number.
        next.set(counter, { at: minute + 4 + ((Number(plan.ticket!.slice(3)) * 7) % 9), step: 'finish', ticket: plan.ticket });
        continue;
      }
      if (plan?.step === 'finish') {
        const n = Number(plan.ticket!.slice(3));
        // Now and then a cash customer is sent on to non-cash instead.
        if (n % 17 === 5 && h.state.tickets[plan.ticket!]?.service === 'cash') run({ type: 'ticket.transfer', ticket: plan.ticket!, service: 'noncash' }, staffId);
        else run({ type: 'ticket.finish', ticket: plan.ticket!, tags: [] }, staffId);
        next.delete(counter);
      }
      if (plan?.step === 'resume') {
        run({ type: 'counter.resume', counter }, staffId);
        next.delete(counter);
      }
      if (state.status === 'paused') continue;
      // An hour's lunch from the first free minute after its time; counter 1 also replenishes cash.
      const lunch = lunches[counter];
      if (lunch !== undefined && minute >= lunch && !paused.has(`${counter} lunch`)) {
        paused.add(`${counter} lunch`);
        run({ type: 'counter.pause', counter, reason: 'lunch' }, staffId);
        next.set(counter, { at: minute + 60, step: 'resume' });
        continue;
      }
      if (counter === '1' && minute >= 15 * 60 && !paused.has('1 cash')) {
        paused.add('1 cash');
        run({ type: 'counter.pause', counter, reason: 'cash_replenishment' }, staffId);
        next.set(counter, { at: minute + 20, step: 'resume' });
        continue;
      }
      if (next.has(counter) || (counter === '3' && minute >= 12 * 60)) continue;
      const called = run({ type: 'counter.call_next', counter }, staffId);
      const ticket = h.state.counters[counter]!.currentTicketId;
      if (!ticket || called.events.length === 0) continue;
      const n = Number(ticket.slice(3));
      if (n % 11 === 3) {
        // The customer does not come: two recalls, then a no-show.
        run({ type: 'ticket.recall', ticket }, staffId);
        run({ type: 'ticket.recall', ticket }, staffId);
        run({ type: 'ticket.no_show', ticket }, staffId);
        continue;
      }
      next.set(counter, { at: minute + 1 + (n % 3), step: 'start', ticket });
    }
  }
  at(17, 0);
  for (const [counter, staffId] of Object.entries(seats)) {
    const current = h.state.counters[counter]!.currentTicketId;
    if (current && h.state.tickets[current]?.status !== 'serving') run({ type: 'ticket.start', ticket: current }, staffId);
    if (current) run({ type: 'ticket.finish', ticket: current, tags: [] }, staffId);
    run({ type: 'counter.close', counter }, staffId);
  }
  at(18, 0);
}

async function open(browser: Browser, path: string, lang: 'zh-CN' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: lang, acceptDownloads: true });
  await context.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('atrium.lang', l), lang);
  const page = await context.newPage();
  await page.goto(hub.url + path);
  return page;
}

test('teller figures on the reports tab: table, chart and CSV, daily and monthly, in zh-CN and en', async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await hub.login('manager');
  const api = (await hub.api('GET', `/api/reports/staff?date=${DATE}`, { token: manager })).body;
  const rows = api.staff as StaffFigures[];
  // The day really exercised the figures.
  expect(rows.map((r) => r.staffId)).toEqual(['teller1', 'teller2', 'teller3', 'teller4', 'teller5']);
  expect(rows.find((r) => r.staffId === 'teller3')?.counters).toEqual(['3', '5']);
  expect(rows.every((r) => r.served > 3), JSON.stringify(rows)).toBe(true);
  expect(rows.find((r) => r.staffId === 'teller1')?.pauseByReason).toMatchObject({ lunch: 60, cash_replenishment: 20 });
  expect(rows.reduce((a, r) => a + r.noShows, 0)).toBeGreaterThan(0);

  for (const lang of ['zh-CN', 'en'] as const) {
    const page = await open(browser, `/records?tab=reports&date=${DATE}`, lang);
    await signIn(page, 'manager');
    const section = page.getByTestId('teller-figures');
    await expect(section).toHaveAttribute('data-period', DATE);
    await expect(section.locator('h3')).toHaveText(lang === 'en' ? 'Teller figures' : '柜员业绩');
    await expect(page.locator('[data-testid=chart-tellers] svg')).toBeVisible();
    const table = page.getByTestId('teller-table');
    for (const r of rows) {
      const line = table.locator(`tr[data-row-key="${r.staffId}"]`);
      await expect(line).toContainText(r.counters.join(', '));
      await expect(line.locator('td').nth(2)).toHaveText(String(r.served));
    }
    await expect(table.locator('tr[data-row-key=teller1]')).toContainText(lang === 'en' ? 'lunch 60 · cash 20' : '午休 60 · 加钞 20');
    await expect(table.locator('tr[data-row-key=teller1]')).toContainText(lang === 'en' ? 'No ratings yet' : '暂无评价');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${SCREENS}records-teller-figures-${lang === 'en' ? 'en' : 'zh'}.png` });

    if (lang === 'zh-CN') {
      // The CSV the hub cuts for the reader, saved by the browser.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('teller-csv').click()]);
      expect(download.suggestedFilename()).toBe(`atrium-staff-${DATE}.csv`);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text).toContain('柜员 staff');
      for (const r of rows) expect(text).toContain(`${DATE},${r.staffId},`);
      // The month: the same tellers, the same served (one day of data in it).
      await page.locator('label:has([data-testid=report-monthly])').click();
      const monthly = page.getByTestId('teller-figures');
      await expect(monthly).toHaveAttribute('data-period', DATE.slice(0, 7));
      for (const r of rows) await expect(page.getByTestId('teller-table').locator(`tr[data-row-key="${r.staffId}"] td`).nth(2)).toHaveText(String(r.served));
    }
    await page.context().close();
  }
});
