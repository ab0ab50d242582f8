// Issue 14, the satisfaction pad (服务评价器) end to end on the demo hub: a pad registered on
// the admin screen for counter 1 and paired on a 1024×600 tablet shows the counter and its
// teller; teller1 finishes a ticket at counter 1 on the counter screen; the pad asks, a tap on
// a face records the rating; a low score asks for reasons, and the manager's console gets the
// low_rating alert. Screenshots of the pad (idle, asking, reasons, thanks) in zh-CN and en go to
// docs/screens/rate-*.png, with the question in portrait (800×1280) and the daily report's
// ratings section. Every wait is for a state, never for a time.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './test.js';
import { api, chinese, english, login, openAlerts } from './kiosk-support.js';
import { FIRST_PAINT, openScreen, signIn } from './screens.js';

const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
const docShot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}rate-${name}.png` });

let manager: string;
const issued: string[] = [];

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  manager = await login('manager');
  // Other specs share the hub: no low_rating alert left open from an earlier run.
  for (const a of (await api<{ alerts: { id: string; kind: string; acknowledgedAt: number | null }[] }>('GET', '/api/alerts', manager)).body.alerts) {
    if (a.kind === 'low_rating' && a.acknowledgedAt === null) await api('POST', `/api/alerts/${a.id}/ack`, manager);
  }
});

test.afterAll(async () => {
  for (const id of issued) await api('POST', `/api/tickets/${id}/cancel`, manager);
});

/** The teller serves the next customer at counter 1 and finishes; the ticket's number. */
async function serveOne(counter: Page): Promise<string> {
  const t = (await api<{ ticket: { id: string; number: string } }>('POST', '/api/tickets', manager, { service: 'cash', priority: 'green' })).body.ticket;
  issued.push(t.id);
  // Green channel goes ahead of everything but an older green-channel ticket another spec left
  // on the shared hub: the ticket served is whichever the counter calls.
  await counter.keyboard.press('n');
  const current = counter.getByTestId('current-ticket');
  await expect(current).toHaveText(/^[A-Z]\d{3,}$/);
  const number = ((await current.textContent()) ?? '').trim();
  await counter.keyboard.press('s');
  await expect(counter.locator('.current-status')).toHaveText('办理中');
  await counter.keyboard.press('f');
  await expect(current).toHaveText('暂无');
  return number;
}

test('the pad at counter 1 asks after a finish, records a tap, asks a low score\'s reasons and alerts the manager', async ({ browser }) => {
  // The teller opens counter 1 on the counter screen.
  const counter = await openScreen(browser, '/counter');
  await expect(counter.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(counter, 'teller1');
  await counter.locator('.counter-choice[data-counter="1"]').click();
  const desk = counter.getByTestId('counter-desk');
  await expect(desk).toBeVisible(FIRST_PAINT);
  if ((await desk.locator('.counter-head .status').textContent()) !== '营业中') await desk.getByRole('button', { name: /开启柜台|Open counter/ }).click();
  await expect(desk.locator('.counter-head .status')).toHaveText('营业中');

  // The admin registers a pad at counter 1 on the admin screen; the tablet opens its pairing link.
  const adminPage = await openScreen(browser, '/admin');
  await expect(adminPage.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(adminPage, 'admin');
  const form = adminPage.getByTestId('register-device');
  await expect(form).toBeVisible(FIRST_PAINT);
  await form.locator('select[name=role]').selectOption('rating');
  await form.locator('input[name=name]').fill('1 号窗口评价器');
  await form.locator('input[name=counter]').fill('1');
  await form.locator('button[type=submit]').click();
  await expect(adminPage.getByTestId('pairing-result')).toHaveAttribute('data-role', 'rating');
  const link = await adminPage.getByTestId('pairing-link').getAttribute('href');
  expect(link).toMatch(/\/rate\?pair=/);
  await adminPage.context().close();
  const pad = await openScreen(browser, new URL(link!).pathname + new URL(link!).search, { width: 1024, height: 600 });
  const idle = pad.getByTestId('rate-idle');
  await expect(idle).toBeVisible(FIRST_PAINT);
  await expect(pad.getByTestId('rate-teller')).toBeVisible();
  await expect(idle).toContainText('工号 teller1');
  await expect(pad.locator('.screen-header h1')).toHaveText('1 号窗口');
  await docShot(pad, 'idle-zh');
  await english(pad);
  await expect(idle).toContainText('Staff no. teller1');
  await docShot(pad, 'idle-en');
  await chinese(pad);

  // A customer is served and finishes: the pad asks, and speaks the question.
  const first = await serveOne(counter);
  const ask = pad.getByTestId('rate-ask');
  await expect(ask).toBeVisible();
  await expect(ask.locator('.rate-question')).toHaveText('请您对本次服务进行评价');
  await expect(pad.getByTestId('voice')).toHaveAttribute('data-clips', 'zh/please-rate en/please-rate');
  for (const word of ['非常满意', '满意', '一般', '不满意', '非常不满意']) await expect(ask.getByText(word, { exact: true })).toBeVisible();
  await docShot(pad, 'asking-zh');
  await english(pad);
  await expect(ask.locator('.rate-question')).toHaveText('Please rate our service');
  await docShot(pad, 'asking-en');
  await pad.setViewportSize({ width: 800, height: 1280 });
  await chinese(pad);
  await docShot(pad, 'asking-portrait-zh');
  await pad.setViewportSize({ width: 1024, height: 600 });

  // A tap on a face records the rating, and the pad thanks the customer.
  await pad.getByTestId('face-4').click();
  const thanks = pad.getByTestId('rate-thanks');
  await expect(thanks).toHaveText(/谢谢您的评价/);
  const today = (await api<{ day: { date: string } }>('GET', '/api/lobby', manager)).body.day.date;
  await expect
    .poll(async () => (await api<{ ratings: { byStaff: { staffId: string; ratings: number }[] } }>('GET', `/api/reports/daily?date=${today}`, manager)).body.ratings.byStaff.find((s) => s.staffId === 'teller1')?.ratings ?? 0)
    .toBeGreaterThan(0);
  await docShot(pad, 'thanks-zh');
  await english(pad);
  await expect(thanks).toContainText('Thank you for your rating!');
  await docShot(pad, 'thanks-en');
  await chinese(pad);
  // Rated: the hub no longer asks about it (the pad stays on thanks, then its card).
  await expect.poll(async () => (await api<{ ratings: { total: { ratings: number } } }>('GET', `/api/reports/daily?date=${today}`, manager)).body.ratings.total.ratings).toBeGreaterThan(0);
  expect(first).toMatch(/^[A-Z]\d{3}$/);

  // The next customer rates low: the pad asks why, then sends the score with the reasons.
  const second = await serveOne(counter);
  await expect(ask).toBeVisible();
  await pad.getByTestId('face-2').click();
  const reasons = pad.getByTestId('rate-reasons');
  await expect(reasons).toBeVisible();
  for (const word of ['等候时间长', '服务态度', '业务不熟练', '手续繁琐', '其他']) await expect(reasons.getByText(word, { exact: true })).toBeVisible();
  await pad.getByTestId('reason-long_wait').click();
  await pad.getByTestId('reason-attitude').click();
  await expect(pad.getByTestId('reason-attitude')).toHaveAttribute('aria-pressed', 'true');
  await docShot(pad, 'reasons-zh');
  await english(pad);
  await expect(reasons).toContainText('Long wait');
  await docShot(pad, 'reasons-en');
  await chinese(pad);
  await pad.getByTestId('rate-send').click();
  await expect(thanks).toContainText('大堂经理会尽快与您联系');

  // The manager gets the low_rating alert with the counter and the reasons.
  await expect.poll(async () => (await openAlerts(manager)).find((a) => a.kind === 'low_rating' && a.ticket === second)?.details ?? null).toMatchObject({ score: 2, reasons: 'long_wait,attitude' });
  const console_ = await openScreen(browser, '/manager');
  await expect(console_.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(console_, 'manager');
  const row = console_.getByTestId('open-alerts').locator('[data-kind=low_rating]');
  await expect(row).toBeVisible(FIRST_PAINT);
  await expect(row).toContainText(`1 号窗口客户（${second}）评价“不满意”（等候时间长、服务态度）`);

  // The day's report counts the ratings per teller and per service.
  const report = await openScreen(browser, `/records?tab=reports&date=${today}`, { width: 1280, height: 1000 });
  await expect(report.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(report, 'manager');
  const section = report.getByTestId('report-ratings');
  await expect(section).toBeVisible(FIRST_PAINT);
  await expect(section).toContainText('teller1');
  await expect(section).toContainText('等候时间长');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SCREENS}rate-report-zh.png` });
  await report.context().close();
  await counter.context().close();
  await pad.context().close();
  await console_.context().close();
});
