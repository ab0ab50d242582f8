// The hub over HTTPS (--tls on loopback, as it serves beyond loopback): the admin screen
// shows the certificate's fingerprint with the pairing code, a display pairs from the link
// and goes live over wss, and no screen trips the hub's Content-Security-Policy.
import { expect, test, type Page } from './test.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startHub, type RunningHub } from './hub-process.js';
import { DEMO_PIN, FIRST_PAINT } from './screens.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let hub: RunningHub;

test.beforeAll(async () => {
  hub = await startHub(repoRoot, 30_000, ['--tls']);
});
test.afterAll(() => hub?.stop());

/** Collects every CSP refusal and page error the screen reports. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('over HTTPS the admin pairs a display by its fingerprinted link, and the display goes live', async ({ browser }) => {
  expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const fingerprint = execFileSync(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'tls', 'fingerprint', '--data', `${hub.dataDir}/data`], { cwd: repoRoot })
    .toString()
    .trim();
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  const adminContext = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN' });
  const admin = await adminContext.newPage();
  const adminProblems = watchProblems(admin);
  await admin.goto(`${hub.url}/admin`);
  const login = admin.getByTestId('login-form');
  await login.locator('input[name=staffId]').fill('admin');
  await login.locator('input[name=pin]').fill(DEMO_PIN);
  await login.locator('button[type=submit]').click();
  await expect(admin.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  const form = admin.getByTestId('register-device');
  await form.locator('select[name=role]').selectOption('display');
  await form.locator('input[name=name]').fill('叫号屏 TLS');
  await form.locator('button[type=submit]').click();
  await expect(admin.getByTestId('pairing-fingerprint')).toHaveText(fingerprint.split(':').slice(0, 8).join(':'));
  await expect(admin.getByTestId('pairing-qr')).toBeVisible();
  const link = (await admin.getByTestId('pairing-link').getAttribute('href')) ?? '';
  expect(new URL(link).searchParams.get('fp')).toBe(fingerprint.replace(/:/g, ''));

  const displayContext = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', viewport: { width: 1920, height: 1080 } });
  const display = await displayContext.newPage();
  const displayProblems = watchProblems(display);
  const feeds: string[] = [];
  display.on('websocket', (ws) => feeds.push(ws.url()));
  await display.goto(link);
  await expect(display.getByTestId('connection')).toHaveText('已连接', FIRST_PAINT);
  expect(display.url()).not.toContain('pair=');
  expect(display.url()).not.toContain('fp=');
  expect(feeds.length).toBeGreaterThan(0);
  for (const url of feeds) expect(url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/api\/live$/);
  expect(adminProblems).toEqual([]);
  expect(displayProblems).toEqual([]);
});

test('over HTTPS the staff screens (Ant Design, ECharts) and the kiosk run with no CSP refusal', async ({ browser }) => {
  const screens: [string, string | null, string][] = [
    ['/manager', 'manager', 'connection'],
    ['/counter', 'teller1', 'login-form'],
    ['/records?tab=reports', 'supervisor', 'report-records'],
    ['/supervisor', 'supervisor', 'connection'],
    ['/', null, 'connection'],
  ];
  for (const [path, staffId, ready] of screens) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${hub.url}${path}`);
    if (staffId) {
      const login = page.getByTestId('login-form');
      await login.locator('input[name=staffId]').fill(staffId);
      await login.locator('input[name=pin]').fill(DEMO_PIN);
      await login.locator('button[type=submit]').click();
    }
    if (ready !== 'login-form' && path !== '/') await expect(page.getByTestId(ready).first()).toBeVisible(FIRST_PAINT);
    if (path.startsWith('/records')) await expect(page.locator('[data-testid=chart-hourly] svg')).toBeVisible();
    // Every request the page started has answered (the live feed's socket aside): a late failure would show now.
    await page.waitForLoadState('networkidle');
    expect(problems, path).toEqual([]);
    await context.close();
  }
});
