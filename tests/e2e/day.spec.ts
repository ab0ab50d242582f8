// The business day and appointments on the manager console (issue 13), on a hub of its own (its
// day gets closed): a close refused while a customer is served at counter 4 names the counter
// and changes nothing; the checklist's refusal is a sentence with the way to /records; once
// signed, finish-and-close finishes the customer and closes every counter. Booking and
// cancelling an appointment, after which the kiosk refuses its code.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from './test.js';
import { closeDay, hubCall, signClosingChecklist } from './day-support.js';
import { startHub, type RunningHub } from './hub-process.js';
import { signIn } from './screens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
let hub: RunningHub;

test.beforeAll(async () => {
  hub = await startHub(ROOT);
});
test.afterAll(async () => {
  await hub.stop();
});

async function consoleOf(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(new URL('/manager', hub.url).toString());
  await signIn(page, 'manager');
  // The first sign-in of a fresh hub on a loaded machine can take a while: wait for the console itself.
  await expect(page.getByTestId('manager-console')).toBeVisible({ timeout: 30_000 });
  return page;
}

async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}${name}.png` });
}

const language = (page: Page, name: 'English' | '中文') => page.getByRole('button', { name }).click();
const login = async (staffId: string) => (await hubCall<{ token: string }>(hub.url, 'POST', '/api/auth/login', null, { staffId, pin: '000000' })).body.token;

test('appointments: book on the console, see it listed without the phone, cancel it, and the kiosk refuses it', async ({ browser }) => {
  const page = await consoleOf(browser);
  const panel = page.getByTestId('appointments-panel');
  // The demo's three appointments of the day are listed.
  await expect(panel.getByTestId('appointment-code')).toHaveText(['DEMO01', 'DEMO02', 'DEMO03']);

  await panel.getByTestId('booking-phone').fill('13712340000');
  await panel.getByTestId('booking-submit').click();
  const message = panel.getByTestId('appointments-message');
  const refusal = panel.locator('.error-line');
  await expect(message.or(refusal)).toBeVisible();
  // A refusal fails here with its sentence.
  expect(await refusal.count(), (await refusal.allTextContents()).join(' ')).toBe(0);
  await expect(message).toContainText('预约码');
  const code = /([A-Z0-9]{6})/.exec((await message.textContent()) ?? '')?.[1] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const row = panel.locator('tr.appointment-row', { hasText: code });
  await expect(row).toContainText('已留手机号');
  await expect(panel).not.toContainText('13712340000');
  await panel.scrollIntoViewIfNeeded();
  await screen(page, 'manager-appointments-zh');
  await language(page, 'English');
  await expect(row).toContainText('Phone given');
  await panel.scrollIntoViewIfNeeded();
  await screen(page, 'manager-appointments-en');
  await language(page, '中文');

  await row.getByTestId('appointment-cancel').click();
  await page.locator('.ant-modal-footer .ant-btn-dangerous').filter({ visible: true }).click();
  await expect(row).toContainText('已取消');
  await expect(row.getByTestId('appointment-cancel')).toHaveCount(0);

  const admin = await login('admin');
  const reg = await hubCall<{ pairingCode: string }>(hub.url, 'POST', '/api/devices', admin, { role: 'kiosk', name: 'day e2e' });
  const kiosk = (await hubCall<{ token: string }>(hub.url, 'POST', '/api/devices/pair', null, { pairingCode: reg.body.pairingCode })).body.token;
  const refused = await hubCall<{ error: { code: string } }>(hub.url, 'POST', '/api/kiosk/check-in/appointment', kiosk, { code });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('appointment_cancelled');
});

test('the day: a close with a customer at counter 4 names it and changes nothing; once the checklist is signed, finish-and-close closes every counter', async ({ browser }) => {
  const [manager, teller4, supervisor] = (await Promise.all(['manager', 'teller4', 'supervisor'].map(login))) as [string, string, string];
  expect((await hubCall(hub.url, 'POST', '/api/counters/4/open', teller4)).status).toBe(200);
  const ticket = (await hubCall<{ ticket: { id: string; number: string } }>(hub.url, 'POST', '/api/tickets', manager, { service: 'noncash' })).body.ticket;
  expect((await hubCall(hub.url, 'POST', '/api/counters/4/call-next', teller4)).status).toBe(200);
  expect((await hubCall(hub.url, 'POST', `/api/tickets/${ticket.id}/start`, teller4)).status).toBe(200);

  const page = await consoleOf(browser);
  await expect(page.getByTestId('day-state')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('day-state')).toHaveText('营业中');
  await expect(page.getByTestId('day-open')).toBeDisabled();
  await screen(page, 'manager-day-open-zh');

  const refused = await closeDay(page, { finish: false });
  expect(refused).toEqual({ kind: 'customers', counters: [`4 号窗口：${ticket.number}（办理中）`] });
  await screen(page, 'manager-day-refused-zh');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('day-at-counters')).toBeHidden();
  await language(page, 'English');
  await expect(page.getByTestId('day-state')).toHaveText('Open');
  await screen(page, 'manager-day-open-en');
  expect(await closeDay(page, { finish: false })).toEqual({ kind: 'customers', counters: [`Counter 4: ${ticket.number} (being served)`] });
  await screen(page, 'manager-day-refused-en');
  // Finishing is one more confirmation; without the signed closing checklist the close is refused as a whole.
  await page.getByTestId('day-finish-and-close').click();
  await expect(page.getByTestId('day-checklist')).toBeVisible();
  await expect(page.getByTestId('day-checklist').getByRole('link')).toHaveAttribute('href', '/records');
  await screen(page, 'manager-day-checklist-en');
  await language(page, '中文');
  await expect(page.getByTestId('day-checklist')).toContainText('营业结束检查清单尚未签字');
  await screen(page, 'manager-day-checklist-zh');
  const still = await hubCall<{ ticket: { status: string } }>(hub.url, 'GET', `/api/tickets/${ticket.id}`, manager);
  expect(still.body.ticket.status).toBe('serving');

  await signClosingChecklist(hub.url, manager, supervisor);
  const outcome = await closeDay(page);
  expect(outcome).toEqual({ kind: 'closed', finished: [`4 号窗口：${ticket.number}（办理中）`] });
  await expect(page.getByTestId('day-state')).toHaveText('已结束');
  await expect(page.getByTestId('day-open')).toBeDisabled();
  await expect(page.getByTestId('counter-table')).not.toContainText('营业中');
  await screen(page, 'manager-day-closed-zh');
  const lobby = await hubCall<{ counters: { status: string }[]; day: { status: string } }>(hub.url, 'GET', '/api/lobby', manager);
  expect(lobby.body.day.status).toBe('closed');
  expect(lobby.body.counters.every((c) => c.status === 'closed')).toBe(true);
  const done = await hubCall<{ ticket: { status: string } }>(hub.url, 'GET', `/api/tickets/${ticket.id}`, manager);
  expect(done.body.ticket.status).toBe('done');
});
