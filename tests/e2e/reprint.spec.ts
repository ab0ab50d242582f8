// The manager's reprint of a ticket whose print outcome is unknown, in Chromium against a real
// hub: a fake TCP printer assigned to a kiosk holds the ticket's connection open (the print is
// uncertain, the hub raises printer_outcome_unknown), the manager console shows the alert with
// a Reprint button behind a confirmation; a printer fault answers a plain sentence and prints
// nothing, and once the printer is fine the ticket's bytes reach the printer a second time and
// the alert clears. A paired manager tablet (read-only) sees the alert but no Reprint button.
// Screenshots of the alert with its button in zh-CN and en go to tests/e2e/screenshots/
// (copied to docs/screens/ by hand when the screen changes, as the other specs' are).
import { expect, test, type Locator, type Page } from './test.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../fakes/tcp-printer.js';
import { NO_FAULTS } from '../fakes/printer-state.js';
import { qrDataIn } from '../../main/print/qr-command.js';
import { api, chinese, english, login, openAlerts, pairKiosk, type PairedKiosk } from './kiosk-support.js';
import { FIRST_PAINT, hubUrl, openScreen, shot, signIn } from './screens.js';

const LANDSCAPE = { width: 1920, height: 1080 };

test.describe.configure({ mode: 'serial' });

let printer: FakeTcpPrinter;
let admin: string;
let manager: string;
let kiosk: PairedKiosk;
let ticketId: string;
let number: string;

test.beforeAll(async ({ browser }) => {
  printer = await startFakeTcpPrinter();
  admin = await login('admin');
  manager = await login('manager');
  kiosk = await pairKiosk(browser, admin, '大厅取号机（重印）', LANDSCAPE);
  const assigned = await api('PUT', `/api/printing/assignments/${kiosk.deviceId}`, admin, { uri: printer.uri });
  expect(assigned.status).toBe(200);
});
test.afterAll(async () => {
  await kiosk?.page.context().close();
  await printer?.close();
  // The specs share one hub: leave no waiting ticket of ours for the next spec's counter to call.
  const lobby = await api<{ tickets: { id: string; status: string }[] }>('GET', '/api/lobby', manager);
  for (const t of lobby.body.tickets.filter((x) => x.status === 'waiting')) {
    expect((await api('POST', `/api/tickets/${t.id}/cancel`, manager, {})).status).toBe(200);
  }
});

const alertItem = (page: Page): Locator => page.getByTestId('alert-list').locator(`[data-kind=printer_outcome_unknown][data-key="print:${ticketId}"]`);

async function confirmReprint(page: Page, item: Locator, okText: string): Promise<void> {
  await item.getByTestId('reprint').click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await expect(confirm).toContainText('只有确实没有出票时才重新打印');
  await confirm.getByRole('button', { name: okText }).click();
}

test('a printer that holds the ticket open leaves the print uncertain and the manager alerted', async () => {
  printer.set({ ...NO_FAULTS, holdOpen: 'answers_fresh' });
  const jobsBefore = printer.jobs().length;
  await kiosk.page.locator('[data-choice=cash]').click();
  const ticket = kiosk.page.getByTestId('issued-ticket');
  await expect(kiosk.page.getByTestId('print-status')).toHaveAttribute('data-state', 'uncertain', { timeout: 10_000 });
  ticketId = (await ticket.getAttribute('data-ticket-id'))!;
  number = (await kiosk.page.getByTestId('ticket-number').textContent())!.trim();
  const jobs = await printer.waitForJobs(jobsBefore + 1, 10_000);
  expect(jobs).toHaveLength(jobsBefore + 1);
  expect(jobs.at(-1)!.includes(Buffer.from(number))).toBe(true);
  const alert = (await openAlerts(manager)).find((a) => a.kind === 'printer_outcome_unknown' && a.ticket === number);
  expect(alert).toMatchObject({ device: kiosk.deviceId, details: { ticketId } });
});

test('a paired manager tablet sees the alert but has no Reprint button', async ({ browser }) => {
  const reg = await api<{ pairingCode: string }>('POST', '/api/devices', admin, { role: 'manager', name: '大堂经理平板（重印）' });
  expect(reg.status).toBe(200);
  const tablet = await openScreen(browser, `/manager?pair=${reg.body.pairingCode}`);
  await expect(tablet.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
  const item = alertItem(tablet);
  await expect(item).toContainText(number);
  await expect(item.getByTestId('reprint')).toHaveCount(0);
  await tablet.context().close();
});

test('the manager reprints: a printer fault says so plainly, then the ticket prints a second time', async ({ browser }) => {
  printer.set({ ...NO_FAULTS });
  const page = await openScreen(browser, '/manager');
  await signIn(page, 'manager');
  await expect(page.getByTestId('manager-console')).toBeVisible();
  const item = alertItem(page);
  await expect(item).toContainText(`未确认号票 ${number} 已打出`);
  const button = item.getByTestId('reprint');
  await expect(button).toHaveText(/重新打印/);
  await item.scrollIntoViewIfNeeded();
  await shot(page, 'manager-reprint-zh');
  await english(page);
  await expect(item).toContainText(`never confirmed that ticket ${number} came out`);
  await expect(button).toHaveText(/Reprint/);
  await shot(page, 'manager-reprint-en');
  await item.getByTestId('reprint').click();
  await expect(page.locator('.ant-popconfirm:visible')).toContainText('reprint only if no ticket came out');
  await shot(page, 'manager-reprint-confirm-en');
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Cancel' }).click();
  await chinese(page);

  // Out of paper: nothing is sent, the alert stays, and the manager reads why.
  const jobsBefore = printer.jobs().length;
  printer.set({ paperOut: true });
  // The hub's poller raises (and later clears) its own paper-out alert above ours: wait for the
  // list to settle each time, so that no row moves under the confirmation's button.
  const paperOut = page.getByTestId('alert-list').locator('.alert-open[data-kind=printer_paper_out]');
  await expect(paperOut).toHaveCount(1);
  await confirmReprint(page, item, '没有出票，重新打印');
  await expect(page.getByTestId('alert-list').locator('.error-line')).toHaveText(`打印机缺纸，${number} 没有重新打印：请加纸后再试。`);
  await shot(page, 'manager-reprint-paper-out-zh');
  expect(printer.jobs()).toHaveLength(jobsBefore);
  await expect(item.getByTestId('reprint')).toBeVisible();

  // Paper back: the same ticket comes out again, confirmed this time.
  printer.set({ paperOut: false });
  await expect(paperOut).toHaveCount(0);
  await confirmReprint(page, item, '没有出票，重新打印');
  await expect(page.locator('.ant-message-notice').getByText(`已重新打印 ${number}`)).toBeVisible();
  await shot(page, 'manager-reprint-done-zh');
  await expect(page.getByTestId('alert-list').locator('.error-line')).toHaveCount(0);
  const jobs = await printer.waitForJobs(jobsBefore + 1, 10_000);
  expect(jobs).toHaveLength(jobsBefore + 1);
  const again = jobs.at(-1)!;
  expect(again.includes(Buffer.from(number))).toBe(true);
  expect(qrDataIn(again)).toEqual([hubUrl(`/t/${ticketId}`)]);
  // The hub resolves the alert of a confirmed reprint: it moves to the handled list, no button.
  await expect(page.getByTestId('open-alerts').locator(`[data-key="print:${ticketId}"]`)).toHaveCount(0);
  await expect(item).toHaveClass(/alert-closed/);
  await expect(item.getByTestId('reprint')).toHaveCount(0);
  const alert = (await openAlerts(manager)).find((a) => a.kind === 'printer_outcome_unknown' && a.ticket === number);
  expect(alert?.resolvedAt).toBeTruthy();
  await page.context().close();
});
