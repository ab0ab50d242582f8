// A quiet lobby on the kiosk (issue 15 point 3): one counter open and one to five waiting, the
// tiles' ranges read off the screen are within the width target, and a service nobody serves
// now says "not open, opens at" from the rota instead of a number, on the kiosk and on the
// console, whose trend line breaks for the closed stretch and says so. On a hub of its own
// (the rota and the counters are this spec's, not the shared demo hub's). Screenshots of the
// kiosk and of the console with the closed service in zh-CN and en go to
// docs/screens/quiet-lobby-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect as baseExpect, test, type Page } from './test.js';
import { requestHub, startHub, type RunningHub } from './hub-process.js';
import { chinese, english } from './kiosk-support.js';
import { FIRST_PAINT, signIn } from './screens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
const LANDSCAPE = { width: 1920, height: 1080 };
// States, not times: on a loaded machine a screen may take longer than 5 s to reach one.
const expect = baseExpect.configure({ timeout: 20_000 });

test.describe.configure({ mode: 'serial' });

let hub: RunningHub;
let admin: string;
let manager: string;
let teller1: string;
let kiosk: Page;
/** When the rota has counter 6 (the only corporate counter) back, local HH:MM. */
let opensAt: string;

const call = async <T = any>(method: string, path: string, token?: string, body?: unknown) => {
  const res = await requestHub<T>(hub.url, method, path, token, body);
  baseExpect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};
const login = async (staffId: string) => (await call<{ token: string }>('POST', '/api/auth/login', undefined, { staffId, pin: '000000' })).token;
const two = (n: number) => String(n).padStart(2, '0');

test.beforeAll(async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  hub = await startHub(ROOT, 60_000);
  admin = await login('admin');
  manager = await login('manager');
  // Counter 6 in a meeting from midnight until an hour and a half from now (the hub's zone is this machine's).
  const back = new Date(Math.min(Date.now() + 90 * 60_000, new Date().setHours(23, 59, 0, 0)));
  opensAt = `${two(back.getHours())}:${two(back.getMinutes())}`;
  const rota = [{ counter: '6', from: '00:00', until: opensAt, reason: 'meeting' }];
  await call('PUT', '/api/settings/rota', manager, { rota });
  // One counter open: 1 serves cash, then non-cash.
  teller1 = await login('teller1');
  await call('POST', '/api/counters/1/open', teller1);
  const reg = await call<{ pairingCode: string }>('POST', '/api/devices', admin, { role: 'kiosk', name: '安静的取号机' });
  const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
  kiosk = await context.newPage();
  await kiosk.goto(`${hub.url}/kiosk?pair=${reg.pairingCode}`);
  await expect(kiosk.getByTestId('kiosk-home')).toBeVisible();
});
test.afterAll(async () => {
  await kiosk?.context().close();
  await hub?.stop();
});

/** A tile's range on screen: "约 3–9 分钟", "about 3–9 min", "9 分钟内", "within 9 min", "约 5 分钟". */
function rangeOf(text: string): { low: number; high: number } | null {
  const range = /(\d+)–(\d+)/.exec(text);
  if (range) return { low: Number(range[1]), high: Number(range[2]) };
  const within = /(\d+)\s*分钟内|within (\d+)/.exec(text);
  if (within) return { low: 0, high: Number(within[1] ?? within[2]) };
  const about = /约\s*(\d+)\s*分钟|about (\d+) min/.exec(text);
  return about ? { low: Number(about[1] ?? about[2]), high: Number(about[1] ?? about[2]) } : null;
}

async function issue(service: string): Promise<void> {
  await call('POST', '/api/tickets', manager, { service });
}

test('with one counter open and serving, and one to five waiting, the open service tiles show a range within the width target', async () => {
  // The counter serves a customer, as an open counter with people waiting does (one left idle
  // is the watcher's counter_idle alert after two minutes). With it idle the new ticket's wait
  // is one or two whole services of CV 0.8 and the ten tiles' median width runs 0.94–1.05 of
  // the estimate (over 1.0 in 14 of 60 seeds of the Monte Carlo, README: the quiet lobby's
  // range), which is why this spec's widths wobbled from run to run; serving, 0.87–0.99.
  const first = await call<{ ticket: { id: string } }>('POST', '/api/tickets', manager, { service: 'cash' });
  await call('POST', '/api/counters/1/call-next', teller1);
  await call('POST', `/api/tickets/${first.ticket.id}/start`, teller1);
  const widths: number[] = [];
  const tile = (service: string) => kiosk.locator(`[data-service=${service}] .choice-wait`);
  const mix = ['cash', 'noncash', 'cash', 'noncash', 'cash'];
  for (let waiting = 1; waiting <= 5; waiting++) {
    await issue(mix[waiting - 1]!);
    const total = waiting;
    // The kiosk's tiles follow the live feed: wait until both show this many waiting in all.
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all(['cash', 'noncash'].map(async (s) => Number(/(\d+)\s*人等候/.exec((await tile(s).textContent()) ?? '')?.[1] ?? -1)));
        return a! + b!;
      })
      .toBe(total);
    for (const service of ['cash', 'noncash']) {
      const text = (await tile(service).textContent()) ?? '';
      const range = rangeOf(text);
      baseExpect(range, `${service} with ${total} waiting: "${text}"`).not.toBeNull();
      const minutes = Number(await tile(service).getAttribute('data-minutes'));
      const { low, high } = range!;
      // As the brief asked: against the range's midpoint (this holds whenever low ≥ 0) …
      baseExpect((high - low) / ((high + low) / 2), `${service}, ${total} waiting: "${text}"`).toBeLessThanOrEqual(2);
      // … and the issue's own measure, against the estimate itself, as shown in whole minutes.
      baseExpect(minutes, `${service}, ${total} waiting: "${text}"`).toBeGreaterThan(0);
      widths.push((high - low) / minutes);
    }
  }
  // The issue's measure over these ten tiles, (high − low) / estimate as shown: issue 15's
  // targets, median ≤ 1.0 and 90th percentile ≤ 2.0. The range is the narrowest interval
  // holding 80% of 400 forward runs (spread.ts narrowestRange), stable from one state to the
  // next; with 24 runs' deviation the p90 was 1.67 in one run of this spec and 2.22 in another.
  const sorted = [...widths].sort((a, b) => a - b);
  const median = (sorted[4]! + sorted[5]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  const summary = `${sorted.map((w) => w.toFixed(2)).join(' ')}; median ${median.toFixed(2)}, p90 ${p90.toFixed(2)}`;
  console.log(`quiet-lobby range widths: ${summary}`);
  test.info().annotations.push({ type: 'range widths', description: summary });
  baseExpect(median, summary).toBeLessThanOrEqual(1.0);
  baseExpect(p90, summary).toBeLessThanOrEqual(2.0);
});

test('a service nobody serves now says it is not open and when it opens, in Chinese and in English', async () => {
  const corporate = kiosk.locator('[data-service=corporate] .choice-wait');
  await chinese(kiosk).catch(() => undefined);
  await expect(corporate).toHaveAttribute('data-closed', 'true');
  await expect(corporate).toContainText(`对公业务窗口暂未开放，预计 ${opensAt} 开放`);
  await expect(corporate).not.toContainText('分钟');
  await kiosk.screenshot({ path: `${SCREENS}quiet-lobby-closed-zh.png` });
  await english(kiosk);
  await expect(corporate).toContainText(`Corporate counters are not open yet; expected to open at ${opensAt}`);
  await expect(corporate).not.toContainText(' min');
  await kiosk.screenshot({ path: `${SCREENS}quiet-lobby-closed-en.png` });
  await chinese(kiosk);
});

test('a customer may still take a ticket of the closed service; the kiosk and the phone page say when it opens', async ({ browser }) => {
  await kiosk.locator('[data-choice=corporate]').click();
  const ticket = kiosk.getByTestId('issued-ticket');
  await expect(ticket).toBeVisible();
  await expect(ticket.locator('.kiosk-ticket-estimate')).toHaveText(`对公业务窗口暂未开放，预计 ${opensAt} 开放`);
  const id = await ticket.getAttribute('data-ticket-id');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await phone.goto(`${hub.url}/t/${id}`);
  await expect(phone.locator('.ticket-estimate')).toHaveText(`对公业务窗口暂未开放，预计 ${opensAt} 开放`);
  await kiosk.getByTestId('kiosk-done').click();
  await expect(kiosk.getByTestId('kiosk-home')).toBeVisible();
});

test("the console's trend for a service that closes: numbers while its counter is open, then a shaded stretch that says so instead", async ({ browser }) => {
  // The console's own size (the manager's screen, 1280×800), in Chinese first.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hub.url}/manager`);
  await expect(page.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(page, 'manager');
  await expect(page.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
  const row = page.getByTestId('queue-table').locator('[data-service=corporate]');
  const line = row.locator('.sparkline');
  await expect(row).toContainText(`窗口暂未开放，预计 ${opensAt} 开放`);
  await expect(line).toHaveAttribute('data-closed-stretches', '1');

  // Counter 6 opens: the corporate estimate is a number again, and moves as customers come.
  const teller6 = await login('teller6');
  await call('POST', '/api/counters/6/open', teller6);
  await expect(row).not.toContainText('暂未开放');
  await expect(row).toContainText('分钟');
  for (let i = 0; i < 2; i++) {
    const before = await row.textContent();
    await issue('corporate');
    await expect(row).not.toHaveText(before ?? '');
  }
  // Its teller goes back to the meeting the rota plans: closed again until the rota's end.
  await call('POST', '/api/counters/6/pause', teller6, { reason: 'meeting' });
  await expect(row).toContainText(`窗口暂未开放，预计 ${opensAt} 开放`);
  await expect(line).toHaveAttribute('data-closed-stretches', '2');
  // The stretch runs to the console's clock, which ticks every 15 s: once it has, the stretch
  // is wide enough for its word.
  await expect(line).toHaveAttribute('data-closed-now', 'labelled', { timeout: 40_000 });
  await page.getByTestId('queue-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}quiet-lobby-console-closed-zh.png` });
  await english(page);
  await expect(row).toContainText(`Not open yet; expected to open at ${opensAt}`);
  await expect(line).toHaveAttribute('data-closed-now', 'labelled');
  await page.getByTestId('queue-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}quiet-lobby-console-closed-en.png` });
  await context.close();
});
