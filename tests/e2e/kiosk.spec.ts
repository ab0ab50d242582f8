// The customer kiosk in Chromium against a real hub, with a fake TCP ESC/POS printer assigned
// to the kiosk: choice → ticket → bytes at the printer → the status page; self-service and
// "I need help"; VIP card swipe and phone check-in; appointment check-in; the green channel;
// paper out → the number large with the QR code, then printed by itself once paper is back;
// a printer that holds the connection open → printed once, "ask the lobby manager";
// large text; the staff exit prompt; the admin's printers and print preview (imports: imports.spec.ts).
// Screenshots of every state in zh-CN and en, portrait (1080x1920) and landscape (1920x1080).
import { expect, test, type Page } from './test.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../fakes/tcp-printer.js';
import { NO_FAULTS } from '../fakes/printer-state.js';
import { qrDataIn } from '../../main/print/qr-command.js';
import { api, chinese, english, login, openAlerts, pairKiosk, type PairedKiosk } from './kiosk-support.js';
import { FIRST_PAINT, hubUrl, openScreen, shot, signIn } from './screens.js';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const VIP_CARD = '6222020000000001';
const VIP_PHONE = '13800000001';

test.describe.configure({ mode: 'serial' });

let printer: FakeTcpPrinter;
let admin: string;
let manager: string;
let kiosk: PairedKiosk;

test.beforeAll(async ({ browser }) => {
  printer = await startFakeTcpPrinter();
  admin = await login('admin');
  manager = await login('manager');
  kiosk = await pairKiosk(browser, admin, '大厅取号机', PORTRAIT);
  const assigned = await api('PUT', `/api/printing/assignments/${kiosk.deviceId}`, admin, { uri: printer.uri });
  expect(assigned.status).toBe(200);
  const csv = `title,card,phone,notes,tags\n王先生,${VIP_CARD},${VIP_PHONE},喜欢靠窗;需要老花镜,理财\n`;
  expect((await api('POST', '/api/customers/vip-import', admin, { csv })).status).toBe(200);
});
test.afterAll(async () => {
  await printer.close();
  // The specs share one hub: leave no waiting ticket of ours for the next spec's counter to call.
  const lobby = await api<{ tickets: { id: string; status: string }[] }>('GET', '/api/lobby', manager);
  for (const t of lobby.body.tickets.filter((x) => x.status === 'waiting')) {
    expect((await api('POST', `/api/tickets/${t.id}/cancel`, manager, {})).status).toBe(200);
  }
});
test.beforeEach(async () => {
  printer.set({ ...NO_FAULTS });
  await chinese(kiosk.page).catch(() => undefined);
});

async function backHome(page: Page): Promise<void> {
  if (await page.getByTestId('kiosk-home').isVisible()) return;
  const done = page.getByRole('button', { name: /^(完成|Done)$/ });
  if (await done.isVisible()) await done.click();
  else await page.getByRole('button', { name: /返回首页|Back to start/ }).click();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
}

test('a choice gives a ticket, printed on the kiosk printer with its QR code, followed on the status page', async ({ browser }) => {
  const { page } = kiosk;
  const cash = page.locator('[data-choice=cash]');
  // The people waiting and the estimate are on the choice before the tap.
  await expect(cash).toContainText('取款存款');
  await expect(cash).toContainText(/\d+ 人等候/);
  await expect(page.locator('.choice-tile')).toHaveCount(7);
  await shot(page, 'kiosk-home-portrait-zh');
  await english(page);
  await expect(cash).toContainText('Withdraw or deposit');
  await shot(page, 'kiosk-home-portrait-en');
  await page.setViewportSize(LANDSCAPE);
  await shot(page, 'kiosk-home-landscape-en');
  await chinese(page);
  await shot(page, 'kiosk-home-landscape-zh');
  await page.setViewportSize(PORTRAIT);

  const jobsBefore = printer.jobs().length;
  await page.locator('[data-choice=transfer]').click();
  // A transfer asks the anti-fraud question first (elderly.spec covers it); 我知道了 goes on.
  await page.getByTestId('fraud-go-on').click();
  const ticket = page.getByTestId('issued-ticket');
  await expect(ticket).toBeVisible();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  const id = (await ticket.getAttribute('data-ticket-id'))!;
  expect(number).toMatch(/^B\d{3}$/);
  await expect(ticket).toContainText('请在等候区休息，留意叫号。');
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed');
  await shot(page, 'kiosk-ticket-portrait-zh');

  const bytes = (await printer.waitForJobs(jobsBefore + 1)).at(-1)!;
  expect(bytes.includes(Buffer.from(number))).toBe(true);
  expect(bytes.includes(Buffer.from([0xb7, 0xc7, 0xcf, 0xd6, 0xbd, 0xf0]))).toBe(true); // 非现金 in GB18030
  expect(qrDataIn(bytes)).toEqual([hubUrl(`/t/${id}`)]);

  const phone = await openScreen(browser, `/t/${id}`, { width: 390, height: 844 });
  await expect(phone.getByTestId('ticket-page')).toContainText(number);
  await expect(phone.getByTestId('ticket-page')).toContainText(/前面还有 \d+ 人/);
  await shot(phone, 'kiosk-ticket-status-page');
  await phone.context().close();

  await english(page);
  await page.setViewportSize(LANDSCAPE);
  await expect(ticket).toContainText('Please take a seat and wait to be called.');
  await shot(page, 'kiosk-ticket-landscape-en');
  await page.setViewportSize(PORTRAIT);
  await backHome(page);
});

test('a self-service choice gives no ticket, says where the ATM is, and "I need help" alerts the manager', async () => {
  const { page } = kiosk;
  await page.locator('[data-choice=self_service]').click();
  await expect(page.getByTestId('atm-where')).toContainText('ATM');
  await expect(page.getByTestId('issued-ticket')).toHaveCount(0);
  await shot(page, 'kiosk-self-service-zh');
  await page.getByTestId('need-help').click();
  await expect(page.getByTestId('help-sent')).toBeVisible();
  await shot(page, 'kiosk-help-sent-zh');
  const alerts = await openAlerts(manager);
  expect(alerts.find((a) => a.kind === 'kiosk_help' && a.device === kiosk.deviceId && !a.resolvedAt)).toBeTruthy();
  await english(page);
  await shot(page, 'kiosk-help-sent-en');
  await backHome(page);
});

test('"something else" calls the lobby manager over', async () => {
  const { page } = kiosk;
  await page.locator('[data-choice=other]').click();
  await expect(page.getByTestId('ask-manager')).toContainText('大堂经理马上过来');
  await shot(page, 'kiosk-ask-manager-zh');
  await backHome(page);
});

test('a VIP card swipe (a fast burst of digits and Enter) gives a VIP ticket and tells the manager who came', async () => {
  const { page } = kiosk;
  await swipeCard(page, VIP_CARD);
  const ticket = page.getByTestId('issued-ticket');
  await expect(ticket).toHaveAttribute('data-priority', 'vip');
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  expect(number).toMatch(/^V\d{3}$/);
  await expect(ticket).toContainText('尊敬的贵宾，欢迎光临！');
  await expect(ticket).not.toContainText('王先生'); // the kiosk is a shared screen
  await shot(page, 'kiosk-vip-ticket-zh');
  const alert = (await openAlerts(manager)).find((a) => a.kind === 'vip_arrived' && a.ticket === number);
  expect(alert?.details).toMatchObject({ title: '王先生' });
  await backHome(page);

  // The same digits typed by a person (slowly) are not a swipe.
  await page.keyboard.type(VIP_CARD, { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  await expect(page.getByTestId('issued-ticket')).toHaveCount(0);
});

/**
 * A card reader's burst: the digits and Enter sent inside the page in one go, as a reader's
 * are a few ms apart. Typed one browser call per key instead, a loaded machine spread them
 * past the reader's 50 ms gap and the swipe read as a person typing.
 */
async function swipeCard(page: Page, digits: string): Promise<void> {
  await page.evaluate((d) => {
    // The page's window, typed here without the DOM library.
    const w = globalThis as unknown as EventTarget & { KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => Event };
    for (const key of [...d, 'Enter']) w.dispatchEvent(new w.KeyboardEvent('keydown', { key, bubbles: true }));
  }, digits);
}

async function typeOnKeypad(page: Page, value: string): Promise<void> {
  for (const ch of value) await page.getByTestId('keypad').getByRole('button', { name: ch, exact: true }).click();
}

test('VIP check-in by phone number on the keypad; an unknown number gets a plain sentence', async () => {
  const { page } = kiosk;
  await page.getByTestId('vip-check-in').click();
  await typeOnKeypad(page, '13900000009');
  await page.getByTestId('check-in-submit').click();
  await expect(page.locator('.error-line')).toContainText('没有找到这张卡或这个号码的贵宾登记');
  await shot(page, 'kiosk-vip-not-registered-zh');
  await page.getByRole('button', { name: '清除' }).click();
  await english(page);
  await typeOnKeypad(page, VIP_PHONE);
  await shot(page, 'kiosk-vip-phone-en');
  await page.getByTestId('check-in-submit').click();
  await expect(page.getByTestId('issued-ticket')).toHaveAttribute('data-priority', 'vip');
  await expect(page.getByTestId('issued-ticket')).toContainText('Welcome, valued customer!');
  await shot(page, 'kiosk-vip-ticket-en');
  await backHome(page);
});

test('appointment check-in by code gives an appointment-priority ticket', async () => {
  const { page } = kiosk;
  const at = new Date(Date.now() + 20 * 60_000).toISOString();
  const booked = await api<{ code: string }>('POST', '/api/appointments', manager, { service: 'noncash', at, phone: '13700000007' });
  expect(booked.status).toBe(200);
  await page.getByTestId('appointment-check-in').click();
  await typeOnKeypad(page, booked.body.code);
  await expect(page.getByTestId('entry')).toHaveText(booked.body.code);
  await shot(page, 'kiosk-appointment-code-zh');
  await page.getByTestId('check-in-submit').click();
  await expect(page.getByTestId('issued-ticket')).toHaveAttribute('data-priority', 'appointment');
  await expect(page.getByTestId('issued-ticket')).toContainText('已为您签到');
  await shot(page, 'kiosk-appointment-ticket-zh');
  await backHome(page);
});

test('the green channel asks the lobby manager to come and confirm', async () => {
  const { page } = kiosk;
  await page.getByTestId('green-channel').click();
  await shot(page, 'kiosk-green-zh');
  await english(page);
  await shot(page, 'kiosk-green-en');
  await page.locator('[data-reason=elderly]').click();
  await expect(page.getByTestId('green-sent')).toBeVisible();
  await shot(page, 'kiosk-green-sent-en');
  const alert = (await openAlerts(manager)).find((a) => a.kind === 'green_channel_request' && a.device === kiosk.deviceId);
  expect(alert?.details).toMatchObject({ reason: 'elderly' });
  await backHome(page);
});

test('paper out: the number shows large with the QR code and a plain sentence, and prints by itself when paper is back', async () => {
  const { page } = kiosk;
  printer.set({ paperOut: true });
  // The manager hears of it from the hub's poller before any customer taps.
  await expect.poll(async () => (await openAlerts(manager)).some((a) => a.kind === 'printer_paper_out' && a.device === kiosk.deviceId && !a.resolvedAt)).toBe(true);
  const jobsBefore = printer.jobs().length;
  await page.locator('[data-choice=cash]').click();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(status).toHaveAttribute('data-code', 'printer_paper_out');
  await expect(status.locator('.error-line')).toHaveText('打印机缺纸，号票未能打印。');
  await expect(status).toContainText('您的号码仍然有效。');
  await expect(page.getByTestId('ticket-qr')).toBeVisible();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  await shot(page, 'kiosk-paper-out-portrait-zh');
  await english(page);
  await page.setViewportSize(LANDSCAPE);
  await expect(status).toContainText('The printer is out of paper');
  await shot(page, 'kiosk-paper-out-landscape-en');
  await page.setViewportSize(PORTRAIT);
  expect(printer.jobs()).toHaveLength(jobsBefore);

  printer.set({ paperOut: false });
  await expect(status).toHaveAttribute('data-state', 'printed', { timeout: 10_000 });
  const jobs = await printer.waitForJobs(jobsBefore + 1);
  expect(jobs).toHaveLength(jobsBefore + 1);
  expect(jobs.at(-1)!.includes(Buffer.from(number))).toBe(true);
  await expect.poll(async () => (await openAlerts(manager)).some((a) => a.kind === 'printer_paper_out' && a.device === kiosk.deviceId && !a.resolvedAt)).toBe(false);
  await backHome(page);
});

test('a printer that takes the ticket but holds the connection open: printed once, and the kiosk says whom to ask', async () => {
  const { page } = kiosk;
  printer.set({ holdOpen: 'answers_fresh' });
  const jobsBefore = printer.jobs().length;
  await page.locator('[data-choice=cash]').click();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'uncertain', { timeout: 10_000 });
  await expect(page.getByTestId('ask-manager')).toHaveText('如果没有出票，请找大堂经理。');
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  await shot(page, 'kiosk-print-uncertain-portrait-zh');
  await page.setViewportSize(LANDSCAPE);
  await shot(page, 'kiosk-print-uncertain-landscape-zh');
  await english(page);
  await expect(page.getByTestId('ask-manager')).toHaveText('If no ticket came out, please ask the lobby manager.');
  await shot(page, 'kiosk-print-uncertain-landscape-en');
  await page.setViewportSize(PORTRAIT);
  await shot(page, 'kiosk-print-uncertain-portrait-en');
  // One job for the ticket. That the kiosk never tries an uncertain print again is the unit
  // test of afterAttempt (renderer/kiosk/use-ticket-print.test.ts), not a sleep here.
  await expect.poll(() => printer.jobs().length).toBe(jobsBefore + 1);
  const jobs = printer.jobs();
  expect(jobs.at(-1)!.includes(Buffer.from(number))).toBe(true);
  const alert = (await openAlerts(manager)).find((a) => a.kind === 'printer_outcome_unknown' && a.ticket === number);
  expect(alert).toMatchObject({ device: kiosk.deviceId, details: { statusRead: true } });
  await backHome(page);
});

test('large text for older customers stays on until the kiosk resets', async () => {
  const { page } = kiosk;
  await page.getByTestId('large-text').click();
  await expect(page.locator('.kiosk-root')).toHaveClass(/kiosk-large/);
  await shot(page, 'kiosk-large-text-zh');
  await page.locator('[data-choice=cash]').click();
  await expect(page.locator('.kiosk-root')).toHaveClass(/kiosk-large/);
  await shot(page, 'kiosk-large-text-ticket-zh');
  await page.getByRole('button', { name: '完成' }).click();
  // The visit is over: the next customer starts in normal text.
  await expect(page.locator('.kiosk-root')).not.toHaveClass(/kiosk-large/);
});

test('five taps in the hidden corner open the staff PIN prompt; the shell checks the PIN', async ({ browser }) => {
  // Stands in for the Electron preload (window.atrium): its main process is tested on its own.
  const shell = await pairKiosk(browser, admin, '取号机 2', LANDSCAPE, () => {
    (globalThis as unknown as { atrium: unknown }).atrium = {
      printTicket: async () => ({ ok: false, code: 'printer_not_configured', message: '' }),
      printerStatus: async () => ({ configured: false, status: null }),
      exitKiosk: async ({ pin }: { pin: string }) => (pin === '000000' ? { ok: true, staffId: 'manager' } : { ok: false, code: 'wrong_pin', message: 'Wrong PIN.' }),
    };
  });
  const corner = shell.page.getByTestId('staff-corner');
  for (let i = 0; i < 4; i++) await corner.click({ force: true });
  await expect(shell.page.getByTestId('staff-exit')).toHaveCount(0);
  await corner.click({ force: true });
  const prompt = shell.page.getByTestId('staff-exit');
  await expect(prompt).toBeVisible();
  await prompt.locator('input[name=staffId]').fill('manager');
  await prompt.locator('input[name=pin]').fill('123456');
  await prompt.getByRole('button', { name: '退出' }).click();
  await expect(prompt.locator('.error-line')).toHaveText('工号或 PIN 码不正确。');
  await shot(shell.page, 'kiosk-staff-exit-zh');
  await prompt.locator('input[name=pin]').fill('000000');
  await prompt.getByRole('button', { name: '退出' }).click();
  await expect(prompt).toHaveCount(0);
  await shell.page.context().close();
});

test('the admin assigns printers, sees their health and previews the ticket', async ({ browser }) => {
  const page = await openScreen(browser, '/admin#kiosk', { width: 1440, height: 1400 });
  await signIn(page, 'admin');
  const printers = page.getByTestId('printers');
  // The first read waits on each printer's status: a printer an earlier test left holding a job takes seconds.
  await expect(printers).toContainText('大厅取号机', FIRST_PAINT);
  await expect(printers).toContainText(printer.uri);
  await expect(printers).toContainText('正常');
  await expect(page.getByTestId('print-preview-image')).toBeVisible();

  await page.getByTestId('print-preview').scrollIntoViewIfNeeded();
  await shot(page, 'admin-kiosk-printing-zh');

  printer.set({ paperLow: true });
  await english(page);
  await expect(printers).toContainText('Paper low', { timeout: 10_000 });
  await shot(page, 'admin-kiosk-printing-en');
  await page.context().close();
});
