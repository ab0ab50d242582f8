// The first end-to-end path through the lobby: the admin registers a kiosk and a display,
// both pair by link, the kiosk issues a ticket, teller1 calls it at counter 1, and the
// display shows the call within a second, in Chinese and then in English. Screenshots of
// every role's screen go to tests/e2e/screenshots/.
import { expect, test } from './test.js';
import { FIRST_PAINT, hubUrl, openScreen, registerDevice, shot, signIn } from './screens.js';

test('a ticket goes from the kiosk to the counter and onto the display', async ({ browser }) => {
  const home = await openScreen(browser, '/');
  await expect(home.getByRole('link', { name: /取号机/ })).toBeVisible();
  await shot(home, 'home');

  // Admin: sign in (demo PIN banner), register the two devices.
  const admin = await openScreen(browser, '/admin');
  await shot(admin, 'admin-login');
  await signIn(admin, 'admin');
  await expect(admin.getByTestId('demo-pin-banner')).toHaveText('演示 PIN，仅供演示');
  await expect(admin.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  const kioskLink = await registerDevice(admin, 'kiosk', '取号机 1');
  const displayLink = await registerDevice(admin, 'display', '叫号屏 1');
  await shot(admin, 'admin');
  expect(new URL(kioskLink).pathname).toBe('/kiosk');
  expect(new URL(displayLink).searchParams.get('pair')).toBeTruthy();

  // The kiosk and the display pair from their links, and drop the code from the URL.
  const kiosk = await openScreen(browser, new URL(kioskLink).pathname + new URL(kioskLink).search, { width: 1280, height: 1024 });
  await expect(kiosk.locator('[data-service=cash]')).toBeVisible(FIRST_PAINT);
  expect(kiosk.url()).not.toContain('pair=');
  await expect(kiosk.locator('[data-service=cash]')).toContainText('现金业务');
  await shot(kiosk, 'kiosk');

  const display = await openScreen(browser, new URL(displayLink).pathname + new URL(displayLink).search, { width: 1920, height: 1080 });
  await expect(display.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  expect(display.url()).not.toContain('pair=');

  // The kiosk issues a cash ticket.
  await kiosk.locator('[data-service=cash]').click();
  const number = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^A\d{3,}$/);
  const ticketId = await kiosk.getByTestId('issued-ticket').getAttribute('data-ticket-id');
  await shot(kiosk, 'kiosk-ticket');

  // teller1 signs in at counter 1, opens it and calls next with the N shortcut.
  const counter = await openScreen(browser, '/counter');
  await signIn(counter, 'teller1');
  await expect(counter.getByTestId('demo-pin-banner')).toBeVisible();
  await counter.locator('.counter-choice[data-counter="1"]').click();
  const desk = counter.getByTestId('counter-desk');
  await desk.getByRole('button', { name: '开启柜台' }).click();
  await expect(desk.locator('.counter-head .status')).toHaveText('营业中');
  await expect(desk.locator('[data-action=callNext]')).toBeEnabled();
  await counter.keyboard.press('n');
  await expect(counter.getByTestId('current-ticket')).toHaveText(number);

  // The display shows the call within a second, in Chinese, then in English.
  await expect(display.getByTestId('call-headline')).toHaveText(`${number} 请到 1 号窗口`);
  await shot(display, 'display');
  await display.getByRole('button', { name: 'English' }).click();
  await expect(display.getByTestId('call-headline')).toHaveText(`${number} please go to counter 1`);
  await shot(display, 'display-en');
  await shot(counter, 'counter');

  // Start and finish with the shortcuts, so the buttons are known to follow the ticket.
  await counter.keyboard.press('s');
  await expect(counter.locator('.current-status')).toHaveText('办理中');
  await shot(counter, 'counter-serving');

  // The manager's live table shows counter 1 with teller1.
  const manager = await openScreen(browser, '/manager');
  await signIn(manager, 'manager');
  await expect(manager.locator('[data-testid=counter-table] tr[data-counter="1"]')).toContainText('teller1');
  await expect(manager.getByTestId('demo-pin-banner')).toBeVisible();
  await shot(manager, 'manager');

  // The supervisor: a wrong PIN gives a plain sentence; the right one the summary.
  const supervisor = await openScreen(browser, '/supervisor');
  await signIn(supervisor, 'supervisor', '123456');
  await expect(supervisor.locator('.error-line')).toHaveText('工号或 PIN 码不正确。');
  await shot(supervisor, 'supervisor-wrong-pin');
  await signIn(supervisor, 'supervisor');
  await expect(supervisor.getByTestId('queue-table')).toBeVisible();
  await shot(supervisor, 'supervisor');

  // The customer's phone page.
  expect(ticketId).toBeTruthy();
  const phone = await openScreen(browser, `/t/${ticketId}`, { width: 390, height: 844 });
  await expect(phone.locator('.ticket-big-number')).toHaveText(number);
  await expect(phone.locator('.ticket-state')).toHaveText('办理中');
  await shot(phone, 'ticket-phone');

  // Screens with no token show their forms.
  const unpaired = await openScreen(browser, '/display', { width: 1920, height: 1080 });
  await expect(unpaired.getByTestId('pair-form')).toBeVisible();
  await expect(unpaired.getByTestId('login-form')).toHaveCount(0);
  await shot(unpaired, 'display-unpaired');
});

test('the live feed recovers from a dropped event and from a dropped connection', async ({ browser, request }) => {
  const manager = await openScreen(browser, '/manager');
  // Between the page and the hub: drop the first event after the first snapshot (a gap),
  // and let the test close the connection from the hub's side.
  let connections = 0;
  const closers: (() => Promise<void>)[] = [];
  await manager.routeWebSocket(/\/api\/live/, (ws) => {
    connections += 1;
    const mine = connections;
    const server = ws.connectToServer();
    let dropped = false;
    server.onMessage((message) => {
      const type = JSON.parse(String(message)).type as string;
      if (mine === 1 && type !== 'snapshot' && !dropped) {
        dropped = true;
        return;
      }
      ws.send(message);
    });
    closers.push(() => server.close());
  });
  await signIn(manager, 'manager');
  await expect(manager.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  const waiting = manager.locator('[data-testid=queue-table] tr[data-service=corporate] td.num').first();
  const before = Number(await waiting.textContent());

  const login = await request.post(hubUrl('/api/auth/login'), { data: { staffId: 'manager', pin: '000000' } });
  const { token } = (await login.json()) as { token: string };
  const issue = () => request.post(hubUrl('/api/tickets'), { data: { service: 'corporate' }, headers: { Authorization: `Bearer ${token}` } });

  // The first event is dropped; the second reveals the gap, and the new snapshot has both.
  expect((await issue()).ok()).toBe(true);
  expect((await issue()).ok()).toBe(true);
  await expect(waiting).toHaveText(String(before + 2));
  expect(connections).toBe(2);

  // The hub side closes: the screen says so, then reconnects by itself.
  await closers.at(-1)!();
  await expect(manager.getByTestId('connection')).toHaveText('正在重新连接…');
  await shot(manager, 'manager-reconnecting');
  await expect(manager.getByTestId('connection')).toHaveText('已连接', { timeout: 5000 });
  expect(connections).toBe(3);
});
