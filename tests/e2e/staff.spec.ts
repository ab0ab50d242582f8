// Staff mode end to end, with a kiosk, two counters, the manager and the display open at
// once in separate browser contexts: issue, call, recall, transfer, no-show, pause, a VIP
// check-in (the kiosk engineer's POST /api/kiosk/check-in/vip), triage to green channel,
// asserting what each screen shows; the display's spoken clip sequence; screenshots of every
// screen in zh-CN and en, at the tablet, desktop and display sizes.
import { expect, test, type APIRequestContext, type Page } from './test.js';
import { announcement } from '../../renderer/display/voice/sequence.js';
import { FIRST_PAINT, hubUrl, openScreen, shot, signIn } from './screens.js';

async function api<T = any>(request: APIRequestContext, method: 'GET' | 'POST', path: string, token: string | null, data?: unknown): Promise<T> {
  const res = await request.fetch(hubUrl(path), { method, data, headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function login(request: APIRequestContext, staffId: string): Promise<string> {
  return (await api<{ token: string }>(request, 'POST', '/api/auth/login', null, { staffId, pin: '000000' })).token;
}

async function pairingCode(request: APIRequestContext, admin: string, role: string, name: string): Promise<string> {
  return (await api<{ pairingCode: string }>(request, 'POST', '/api/devices', admin, { role, name })).pairingCode;
}

async function openCounter(page: Page, staffId: string, counter: string): Promise<void> {
  await signIn(page, staffId);
  await page.locator(`.counter-choice[data-counter="${counter}"]`).click();
  const desk = page.getByTestId('counter-desk');
  await desk.getByRole('button', { name: /开启柜台|Open counter/ }).click();
  await expect(desk.locator('.counter-head .status')).toHaveText('营业中');
}

const english = (page: Page) => page.getByRole('button', { name: 'English' }).click();
const chinese = (page: Page) => page.getByRole('button', { name: '中文' }).click();

test('kiosk, two counters, manager and display through a morning', async ({ browser, request }) => {
  const admin = await login(request, 'admin');
  // A VIP in the register (the CRM export's format); the card number is only hashed by the hub.
  await api(request, 'POST', '/api/customers/vip-import', admin, { csv: 'title,card,phone,notes,tags\n王总,6222020000001234,,喜欢靠窗座位;听力不好请大声,年金客户\n' });

  const display = await openScreen(browser, `/display?pair=${await pairingCode(request, admin, 'display', '叫号屏 staff')}`, { width: 1920, height: 1080 });
  await expect(display.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  const kiosk = await openScreen(browser, `/kiosk?pair=${await pairingCode(request, admin, 'kiosk', '取号机 staff')}`, { width: 1280, height: 1024 });
  await expect(kiosk.locator('[data-service=cash]')).toBeVisible();

  const counter2 = await openScreen(browser, '/counter');
  await openCounter(counter2, 'teller2', '2');
  const counter6 = await openScreen(browser, '/counter');
  await openCounter(counter6, 'teller6', '6');
  const manager = await openScreen(browser, '/manager');
  await signIn(manager, 'manager');
  await expect(manager.getByTestId('manager-console')).toBeVisible();
  await expect(manager.getByTestId('records-link')).toHaveAttribute('href', '/records');

  // Issue at the kiosk, call with N at counter 2: the counter, the display and its voice.
  await kiosk.locator('[data-service=cash]').click();
  const first = ((await kiosk.getByTestId('ticket-number').textContent()) ?? '').trim();
  expect(first).toMatch(/^A\d{3}$/);
  await counter2.keyboard.press('n');
  await expect(counter2.getByTestId('current-ticket')).toHaveText(first);
  await expect(display.getByTestId('call-headline')).toHaveText(`${first} 请到 2 号窗口`);
  await expect(display.getByTestId('voice')).toHaveAttribute('data-clips', announcement(first, '2').join(' '));
  expect(announcement(first, '2').slice(0, 8)).toEqual(['chime', 'zh/A', ...first.slice(1).split('').map((d: string) => `zh/${d}`), 'zh/please-go-to', 'zh/2', 'zh/counter']);
  await expect(manager.locator('[data-testid=counter-table] tr[data-counter="2"]')).toContainText(first);

  // Recall (R): the display flashes the recalled call.
  await counter2.keyboard.press('r');
  await expect(display.locator('.call-headline.call-recalled, .call-others li.call-recalled')).toContainText(first);
  await expect(counter2.locator('.current-meta')).toContainText('已重呼 1 次');

  // Transfer (T) to non-cash with a note; the ticket waits again with its number.
  await counter2.keyboard.press('t');
  const transfer = counter2.getByTestId('transfer-form');
  await transfer.getByTestId('transfer-service').click();
  await counter2.locator('.ant-select-item-option').filter({ hasText: '非现金业务' }).click();
  await transfer.locator('textarea[name=note]').fill('办理理财签约');
  await counter2.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(counter2.getByTestId('current-ticket')).toHaveText('暂无');

  // The manager finds the transferred ticket by number and raises it to green channel.
  const triage = manager.getByTestId('triage');
  await triage.getByTestId('find-ticket').locator('input').fill(first);
  await triage.getByTestId('find-ticket').locator('input').press('Enter');
  await expect(triage.getByTestId('found-ticket')).toContainText('非现金业务');
  await triage.getByTestId('green-button').click();
  await expect(triage.getByTestId('found-ticket')).toContainText('绿色通道');

  // A second cash ticket, called and marked a no-show (X).
  await kiosk.getByRole('button', { name: '完成', exact: true }).click();
  await kiosk.locator('[data-service=cash]').click();
  const second = ((await kiosk.getByTestId('ticket-number').textContent()) ?? '').trim();
  await counter2.keyboard.press('n');
  // Green channel goes first: the transferred ticket is called before the new cash one.
  await expect(counter2.getByTestId('current-ticket')).toHaveText(first);
  await counter2.keyboard.press('s');
  await expect(counter2.locator('.current-status')).toHaveText('办理中');
  await counter2.keyboard.press('2');
  await expect(counter2.getByTestId('current-ticket')).toHaveText('暂无');
  await counter2.keyboard.press('n');
  await expect(counter2.getByTestId('current-ticket')).toHaveText(second);
  await expect(display.getByTestId('call-headline')).toHaveText(`${second} 请到 2 号窗口`);
  await counter2.keyboard.press('x');
  await expect(counter2.getByTestId('current-ticket')).toHaveText('暂无');

  // Pause (P, then 1 = lunch): the manager sees the reason and how long.
  await counter2.keyboard.press('p');
  await counter2.keyboard.press('1');
  await expect(counter2.getByTestId('pause-reason')).toContainText('午餐');
  await expect(manager.locator('[data-testid=counter-table] tr[data-counter="2"]')).toContainText('午餐');

  // VIP check-in at the kiosk: the manager's alert within a second, with title and notes.
  const kioskToken = (await api<{ token: string }>(request, 'POST', '/api/devices/pair', null, { pairingCode: await pairingCode(request, admin, 'kiosk', 'kiosk api') })).token;
  const vip = (await api<{ ticket: { number: string } }>(request, 'POST', '/api/kiosk/check-in/vip', kioskToken, { card: '6222020000001234' })).ticket;
  const vipAlert = manager.locator('[data-testid=alert-list] .alert-open[data-kind=vip_arrived]').filter({ hasText: vip.number });
  await expect(vipAlert).toContainText('王总');
  await expect(vipAlert).toContainText('喜欢靠窗座位');
  // Counter 6 calls the VIP: the teller (only) sees the title and notes; the display does not.
  await counter6.keyboard.press('n');
  await expect(counter6.getByTestId('current-ticket')).toHaveText(vip.number);
  await expect(counter6.getByTestId('vip-note')).toContainText('王总');
  await expect(counter6.locator('[data-action=start]')).toBeEnabled();
  await expect(counter6.locator('[data-action=callNext]')).toBeDisabled();
  await expect(display.getByTestId('call-headline')).toHaveText(`${vip.number} 请到 6 号窗口`);
  await expect(display.locator('body')).not.toContainText('王总');

  await shot(counter6, 'staff-counter-vip');
  await shot(manager, 'staff-manager');
  await shot(display, 'staff-display');
  await vipAlert.getByTestId('ack').click();
  await expect(manager.locator('[data-testid=alert-list] .alert-closed[data-kind=vip_arrived]').filter({ hasText: vip.number })).toContainText('manager');

  // English, and the other sizes: the manager on a desktop, the display in portrait.
  await english(manager);
  await shot(manager, 'staff-manager-en');
  await manager.setViewportSize({ width: 1920, height: 1080 });
  await shot(manager, 'staff-manager-desktop-en');
  await chinese(manager);
  await shot(manager, 'staff-manager-desktop');
  await english(counter6);
  await shot(counter6, 'staff-counter-vip-en');
  await english(display);
  await expect(display.getByTestId('call-headline')).toHaveText(`${vip.number} please go to counter 6`);
  await shot(display, 'staff-display-en');
  await display.setViewportSize({ width: 1080, height: 1920 });
  await shot(display, 'staff-display-portrait-en');
  await chinese(display);
  await shot(display, 'staff-display-portrait');
  await shot(counter2, 'staff-counter-paused');
  await counter2.keyboard.press('u');
  await expect(counter2.locator('.counter-head .status')).toHaveText('营业中');
});

test('a teller works a customer with the keyboard only', async ({ browser, request }) => {
  const counter = await openScreen(browser, '/counter');
  await counter.locator('input[name=staffId]').focus();
  await counter.keyboard.type('teller3');
  await counter.keyboard.press('Tab');
  await counter.keyboard.type('000000');
  await counter.keyboard.press('Enter');
  // The counter picker and the open button take Tab and Enter like any button.
  const choice = counter.locator('.counter-choice[data-counter="3"]');
  await choice.focus();
  await counter.keyboard.press('Enter');
  const open = counter.getByTestId('counter-desk').getByRole('button').first();
  await open.focus();
  await counter.keyboard.press('Enter');
  await expect(counter.locator('.counter-head .status')).toHaveText('营业中');

  const manager = await login(request, 'manager');
  const issued = (await api<{ ticket: { id: string; number: string } }>(request, 'POST', '/api/tickets', manager, { service: 'cash', priority: 'green' })).ticket;
  await counter.keyboard.press('n');
  await expect(counter.getByTestId('current-ticket')).toHaveText(issued.number);
  await counter.keyboard.press('s');
  await expect(counter.locator('.current-status')).toHaveText('办理中');
  await expect(counter.getByTestId('finish-tags')).toBeVisible();
  await shot(counter, 'staff-counter-serving');
  await english(counter);
  await shot(counter, 'staff-counter-serving-en');
  await chinese(counter);
  // One keystroke finishes with the business tagged: 1 = deposit.
  await counter.keyboard.press('1');
  await expect(counter.getByTestId('current-ticket')).toHaveText('暂无');
  const done = (await api<{ ticket: { status: string } }>(request, 'GET', `/api/tickets/${issued.id}`, manager)).ticket;
  expect(done.status).toBe('done');
  // Call a given number (G): a dialog, typed and entered without the mouse.
  const again = (await api<{ ticket: { number: string } }>(request, 'POST', '/api/tickets', manager, { service: 'noncash' })).ticket;
  await counter.keyboard.press('g');
  await expect(counter.locator('input[name=number]')).toBeFocused();
  await counter.keyboard.type(again.number);
  await shot(counter, 'staff-counter-call-number');
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('current-ticket')).toHaveText(again.number);
});
