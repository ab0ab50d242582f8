// The admin's device list: every registered device with its type, name, pairing state and
// when it was last heard from; Revoke asks first, then cuts the device off at once and
// leaves it greyed in the list. Screenshots (zh-CN and en, empty and with ten devices) go to
// tests/e2e/screenshots/ and, copied, to docs/screens/.
import { expect, test, type Page } from './test.js';
import { api, english, login } from './kiosk-support.js';
import { FIRST_PAINT, hubUrl, openScreen, shot, signIn } from './screens.js';

const FLEET: { role: 'kiosk' | 'display' | 'counter' | 'manager'; name: string; pair: boolean }[] = [
  { role: 'kiosk', name: '大厅取号机 1', pair: true },
  { role: 'kiosk', name: '大厅取号机 2', pair: true },
  { role: 'kiosk', name: '自助区取号机', pair: true },
  { role: 'display', name: '大厅叫号屏', pair: true },
  { role: 'display', name: '贵宾室叫号屏', pair: true },
  { role: 'counter', name: '1 号窗口终端', pair: true },
  { role: 'counter', name: '2 号窗口终端', pair: true },
  { role: 'counter', name: '6 号窗口终端', pair: false },
  { role: 'manager', name: '大堂经理平板', pair: true },
  { role: 'manager', name: '备用平板', pair: false },
];

/**
 * For the pictures only: every device of this run was heard from a moment ago, so the
 * list's answer is shifted to show the ages a branch's morning would (minutes to days).
 */
async function ageTheList(page: Page): Promise<void> {
  const shifts = [2, 3, 0, 1, 17, 45, 130, null, 60 * 26, null];
  await page.route('**/api/devices', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as { devices: { name: string; lastSeenAt: string | null }[] };
    for (const d of body.devices) {
      const i = FLEET.findIndex((f) => f.name === d.name);
      const shift = shifts[i];
      if (i >= 0 && shift != null && d.lastSeenAt) d.lastSeenAt = new Date(Date.parse(d.lastSeenAt) - shift * 60_000).toISOString();
    }
    await route.fulfill({ response, json: body });
  });
}

async function showList(page: Page): Promise<void> {
  await page.evaluate(() => {
    const dom = globalThis as unknown as { document: { querySelector(selector: string): { scrollIntoView(options: object): void } | null } };
    dom.document.querySelector('[data-testid=device-list]')?.scrollIntoView({ block: 'start' });
  });
}

test('with no device registered the list says so, in both languages', async ({ browser }) => {
  const page = await openScreen(browser, '/admin');
  // The shared hub may already hold other specs' devices: answer the list empty for this page.
  await page.route('**/api/devices', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { devices: [] } }) : route.continue(),
  );
  await signIn(page, 'admin');
  const list = page.getByTestId('device-list');
  await expect(list).toContainText('尚未登记任何设备');
  await shot(page, 'admin-devices-empty-zh');
  await english(page);
  await expect(list).toContainText('No device registered yet');
  await shot(page, 'admin-devices-empty-en');
  await page.context().close();
});

test('the admin sees every device, revokes one after confirming, and it is cut off at once', async ({ browser }) => {
  const admin = await login('admin');
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const d of FLEET) {
    const reg = await api<{ deviceId: string; pairingCode: string }>('POST', '/api/devices', admin, { role: d.role, name: d.name });
    expect(reg.status).toBe(200);
    ids[d.name] = reg.body.deviceId;
    if (!d.pair) continue;
    const paired = await api<{ token: string }>('POST', '/api/devices/pair', null, { pairingCode: reg.body.pairingCode });
    tokens[d.name] = paired.body.token;
    await api('GET', '/api/lobby', paired.body.token);
  }
  // The spare kiosk was lost last week: revoked before this morning.
  expect((await api('DELETE', `/api/devices/${ids['自助区取号机']}`, admin)).status).toBe(200);

  const page = await openScreen(browser, '/admin');
  await ageTheList(page);
  await signIn(page, 'admin');
  const list = page.getByTestId('device-list');
  const row = (name: string) => list.getByTestId(`device-${ids[name]}`);
  await expect(row('大厅取号机 1')).toHaveAttribute('data-state', 'paired');
  await expect(row('大厅取号机 1')).toContainText('取号机');
  await expect(row('大厅取号机 1')).toContainText('2 分钟前');
  await expect(row('1 号窗口终端')).toContainText('45 分钟前');
  await expect(row('大堂经理平板')).toContainText('1 天前');
  await expect(row('6 号窗口终端')).toHaveAttribute('data-state', 'waiting');
  await expect(row('6 号窗口终端')).toContainText('等待配对');
  await expect(row('6 号窗口终端')).toContainText('从未联系');
  await expect(row('自助区取号机')).toHaveAttribute('data-state', 'revoked');
  await expect(row('自助区取号机')).toContainText('已吊销');
  await expect(row('自助区取号机').getByRole('button')).toHaveCount(0);
  await showList(page);
  await shot(page, 'admin-devices-zh');

  // Revoke asks first; cancelling changes nothing.
  const victim = '贵宾室叫号屏';
  await row(victim).getByRole('button', { name: /吊\s*销/ }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText(`吊销“${victim}”？`);
  await expect(confirm).toHaveCSS('opacity', '1'); // the pop-in animation has ended
  await shot(page, 'admin-devices-confirm-zh');
  await confirm.getByRole('button', { name: /取\s*消/ }).click();
  expect((await api('GET', '/api/me', tokens[victim]!)).status).toBe(200);

  await row(victim).getByRole('button', { name: /吊\s*销/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /吊\s*销/ }).click();
  await expect(row(victim)).toHaveAttribute('data-state', 'revoked');
  await expect(row(victim)).toContainText('吊销于');
  expect((await api('GET', '/api/me', tokens[victim]!)).status).toBe(401);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });

  await english(page);
  await expect(row('大厅取号机 1')).toContainText('2 min ago');
  await expect(row('大堂经理平板')).toContainText('1 day ago');
  await expect(row(victim)).toContainText('Revoked');
  await expect(row('6 号窗口终端')).toContainText('Waiting for pairing');
  await showList(page);
  await shot(page, 'admin-devices-en');
  await page.context().close();
});

test('in the Electron shell the pairing page hands main only the code, and the screen takes the token main kept', async ({ browser }) => {
  const admin = await login('admin');
  const reg = await api<{ pairingCode: string }>('POST', '/api/devices', admin, { role: 'display', name: '壳内叫号屏' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  // Stands in for the preload bridge and for main (tested on its own against a real hub):
  // main trades the code with the hub, keeps the answer in its settings and reopens the window.
  await context.addInitScript(() => {
    interface Browserish {
      localStorage: Storage;
      location: { assign(url: string): void };
      fetch: typeof fetch;
    }
    interface Storage {
      getItem(key: string): string | null;
      setItem(key: string, value: string): void;
      removeItem(key: string): void;
    }
    const page = globalThis as unknown as Browserish;
    const store = page.localStorage;
    const settings = () => JSON.parse(store.getItem('fake-main.settings') ?? '{"role":null,"deviceToken":null}');
    (globalThis as unknown as { atrium: unknown }).atrium = {
      getSettings: async () => settings(),
      setPairing: async (request: unknown) => {
        store.setItem('fake-main.requests', JSON.stringify([...JSON.parse(store.getItem('fake-main.requests') ?? '[]'), request]));
        const { pairingCode } = request as { pairingCode: string };
        const res = await page.fetch('/api/devices/pair', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode }) });
        const body = (await res.json()) as { token: string; role: string; error: object };
        if (!res.ok) return { ok: false, ...body.error };
        store.setItem('fake-main.settings', JSON.stringify({ role: body.role, deviceToken: body.token }));
        // Main replaces the window: the old page never hears back, and the new one holds no session.
        for (const key of Object.keys(store)) if (key.startsWith('atrium.session.')) store.removeItem(key);
        page.location.assign(`/${body.role}`);
        return new Promise(() => undefined);
      },
    };
  });
  const page = await context.newPage();
  await page.goto(hubUrl('/pair'));
  await page.locator('input[name=pairingCode]').fill('WRONG234');
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.locator('input[name=pairingCode]').fill(reg.body.pairingCode);
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL(/\/display$/);
  await expect(page.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  const requests = await page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
    return JSON.parse(storage.getItem('fake-main.requests') ?? '[]') as unknown;
  });
  expect(requests).toEqual([{ pairingCode: 'WRONG234' }, { pairingCode: reg.body.pairingCode }]);
  await context.close();
});
