// The head office's screen at /office, served by a real office (PGlite in a temp folder) with
// two real demo hubs enrolled by the real `atrium enroll` and shipping over loopback: sign in,
// the branch table (empty, then with both branches and their waiting customers), the daily
// report with its chart, one branch's drill-down; the branches' configuration (publish from a
// file, a version refused with its reason); the hq_admin adding a regional manager, who
// then sees only their branch. Screenshots to docs/screens/office-*.png in
// zh-CN and en at 1280×800.
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';
import { eventually, startTestOffice, type TestOffice } from '../office/support.js';
import { expect, test, type Page } from './test.js';

const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
const FAST = { pollMs: 100, retryBaseMs: 100, retryMaxMs: 800, brokenRetryMs: 300 };

let office: TestOffice;
const hubs: TestHub[] = [];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  office = await startTestOffice();
});
test.afterAll(async () => {
  for (const h of hubs) await h.close();
  await office?.close();
});

async function enrolHub(name: string, tickets: number): Promise<void> {
  const admin = await office.login();
  const created = await office.api('POST', '/api/office/branches', { token: admin, body: { name } });
  const dataDir = tempDir('atrium-e2e-office-');
  await (await startTestHub({ dataDir })).close();
  const enrolled = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', created.body.enrolmentCode]);
  expect(enrolled.status, enrolled.stderr).toBe(0);
  const hub = await startTestHub({ dataDir, officeLink: FAST });
  hubs.push(hub);
  const manager = await hub.login('manager');
  const teller = await hub.login('teller1');
  await hub.api('POST', '/api/counters/1/open', { token: teller });
  for (let i = 0; i < tickets; i++) await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } });
  const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
  await hub.api('POST', `/api/tickets/${called.body.ticket.id}/start`, { token: teller });
  await hub.api('POST', `/api/tickets/${called.body.ticket.id}/finish`, { token: teller, body: { tags: [] } });
  const shipped = await eventually(
    async () => (await office.api('GET', '/api/office/branches', { token: admin })).body.branches.find((b: { branchId: string }) => b.branchId === created.body.branchId),
    (b) => b?.lastSeq === hub.hub.ledger.lastSeq(),
    60_000,
  );
  expect(shipped.lastSeq).toBe(hub.hub.ledger.lastSeq());
}

/** The tabs' ink bar under the active tab: it slides after a language switch changes the tabs' widths. */
async function inkSettled(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const bar = await page.locator('.ant-tabs-ink-bar').boundingBox();
      const tab = await page.locator('.ant-tabs-tab-active').boundingBox();
      return bar && tab ? Math.abs(bar.x - tab.x) + Math.abs(bar.width - tab.width) : 0;
    })
    .toBeLessThan(1);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}office-${name}.png` });

async function both(page: Page, name: string, ready: () => Promise<void>) {
  await page.getByRole('button', { name: '中文' }).click();
  await ready();
  await shot(page, `${name}-zh`);
  await page.getByRole('button', { name: 'English' }).click();
  await ready();
  await shot(page, `${name}-en`);
  await page.getByRole('button', { name: '中文' }).click();
}

test('head office: sign in, branches at a glance, the daily report, a branch in detail', async ({ page }) => {
  await page.goto(`${office.url}/office`);
  await expect(page.getByTestId('office-sign-in')).toBeVisible();
  await page.getByTestId('office-staff-id').fill('hq-admin');
  await page.getByTestId('office-pin').fill('000000');
  await page.getByTestId('office-sign-in-submit').click();
  const table = page.getByTestId('office-branches');
  await expect(table).toBeVisible();
  await both(page, 'empty', async () => {
    await expect(table.getByText(/尚无网点|No branches yet/)).toBeVisible();
  });

  await enrolHub('North Branch', 5);
  await enrolHub('South Branch', 3);
  await page.getByTestId('office-refresh').click();
  const north = table.locator('tr', { hasText: 'North Branch' });
  const south = table.locator('tr', { hasText: 'South Branch' });
  // Waiting: 5 − 1 served and 3 − 1; one counter open at each.
  await expect(north.locator('td').nth(2)).toHaveText('4');
  await expect(south.locator('td').nth(2)).toHaveText('2');
  await expect(north.locator('td').nth(4)).toHaveText('1');
  await both(page, 'branches', async () => {
    await expect(north.getByTestId('status-active')).toBeVisible();
  });

  await page.getByTestId('office-tab-reports').click();
  const report = page.getByTestId('office-report-table');
  await expect(report.locator('tr', { hasText: 'North Branch' }).locator('td').nth(1)).toHaveText('5');
  await expect(report.locator('tr', { hasText: 'South Branch' }).locator('td').nth(1)).toHaveText('3');
  await expect(page.getByTestId('office-report-chart')).toBeVisible();
  await both(page, 'report', async () => {
    await expect(page.getByTestId('office-report-chart').locator('svg')).toBeVisible();
  });

  // The drawer covers the language switch: one shot, closed, the other language, opened again.
  const drawer = page.getByTestId('office-branch-drawer');
  for (const [lang, suffix] of [['中文', 'zh'], ['English', 'en']] as const) {
    await page.getByRole('button', { name: lang }).click();
    await report.locator('tr', { hasText: 'South Branch' }).click();
    await expect(drawer.getByTestId('drill-waiting')).toHaveText('2');
    // Antd's slide-in done: no element left in a motion class.
    await expect(page.locator('[class*="-motion-"]')).toHaveCount(0);
    await shot(page, `drill-${suffix}`);
    await page.keyboard.press('Escape');
    await expect(drawer.getByTestId('drill-waiting')).toBeHidden();
  }
});

test('branch configuration: the hq_admin publishes from a file, and sees which branch holds which version and why one refused', async ({ page }) => {
  await page.goto(`${office.url}/office`);
  await page.getByTestId('office-staff-id').fill('hq-admin');
  await page.getByTestId('office-pin').fill('000000');
  await page.getByTestId('office-sign-in-submit').click();
  await page.getByTestId('office-tab-config').click();
  const panel = page.getByTestId('office-config-panel');
  const table = panel.getByTestId('config-branches');
  await expect(table.locator('tr', { hasText: 'North Branch' })).toBeVisible();
  const upload = async (kind: string, label: RegExp, document: unknown) => {
    await panel.getByTestId('config-kind').click();
    await page.locator('.ant-select-item-option', { hasText: label }).click();
    await panel.getByTestId('config-file').setInputFiles({ name: `${kind}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
    await panel.getByTestId('config-submit').click();
  };
  // Not JSON: a plain sentence, nothing published.
  await panel.getByTestId('config-file').setInputFiles({ name: 'services.csv', mimeType: 'text/csv', buffer: Buffer.from('code,prefix\nfx,F') });
  await expect(panel.getByTestId('config-message')).toContainText('无法读取该文件');
  const fx = { code: 'fx', prefix: 'F', nameZh: '外汇', nameEn: 'Foreign exchange', targetWaitMinutes: 10, maxWaitMinutes: 20 };
  await upload('services', /业务类型/, { services: [fx] });
  await expect(panel.getByTestId('config-message')).toContainText('已发布：业务类型 第 1 版');
  // A kiosk choice for a service the branches lack: each hub refuses it and says why.
  const choices = [
    { id: 'cash', nameZh: '取款存款', nameEn: 'Withdraw or deposit', service: 'cash', selfService: null, fraudPrompt: false },
    { id: 'gold', nameZh: '黄金', nameEn: 'Gold', service: 'gold', selfService: null, fraudPrompt: false },
  ];
  await upload('kiosk-choices', /取号机菜单/, { choices });
  await expect(panel.getByTestId('config-message')).toContainText('取号机菜单 第 1 版');
  const north = table.locator('tr', { hasText: 'North Branch' });
  const south = table.locator('tr', { hasText: 'South Branch' });
  await expect(async () => {
    await panel.getByTestId('config-refresh').click();
    await expect(north.getByTestId('config-refused-kiosk-choices')).toBeVisible({ timeout: 1000 });
    await expect(south.getByTestId('config-refused-kiosk-choices')).toBeVisible({ timeout: 1000 });
    await expect(north.getByTestId('config-current-services')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(north.getByTestId('config-refused-kiosk-choices')).toContainText('gold');
  await both(page, 'config', async () => {
    await inkSettled(page);
    await expect(north.getByTestId('config-current-services')).toBeVisible();
    // Said in the screen's language, whichever it was published in.
    await expect(panel.getByTestId('config-message')).toHaveText(/已发布：取号机菜单 第 1 版|Published: Kiosk choices version 1/);
    await expect(north.getByTestId('config-refused-kiosk-choices')).toContainText(/请先发布业务类型|publish the services first/);
  });
});

test('head office staff: the hq_admin adds a regional manager for one branch, who then sees only that branch', async ({ page }) => {
  await page.goto(`${office.url}/office`);
  await expect(page.getByTestId('office-sign-in')).toBeVisible();
  await page.getByTestId('office-staff-id').fill('hq-admin');
  await page.getByTestId('office-pin').fill('000000');
  await page.getByTestId('office-sign-in-submit').click();
  await page.getByTestId('office-tab-staff').click();
  const staff = page.getByTestId('office-staff');
  await expect(staff.locator('tr', { hasText: 'hq-admin' })).toBeVisible();

  // The add form, with North Branch picked, in each language (the dialog covers the switch).
  const form = page.getByTestId('office-staff-form');
  for (const [lang, suffix] of [['中文', 'zh'], ['English', 'en']] as const) {
    await page.getByRole('button', { name: lang }).click();
    await page.getByTestId('office-add-regional').click();
    await form.getByTestId('office-new-staff-id').fill('rm-north');
    await form.getByTestId('office-new-staff-name').fill(suffix === 'zh' ? '王区域' : 'Wang Regional');
    await form.getByTestId('office-pick-branches').click();
    await page.locator('.ant-select-item-option', { hasText: 'North Branch' }).click();
    await page.locator('.ant-modal-title').click(); // closes the dropdown, not the dialog
    await expect(form.locator('.ant-select-selection-item', { hasText: 'North Branch' })).toBeVisible();
    await expect(page.locator('[class*="-motion-"]')).toHaveCount(0);
    await shot(page, `staff-add-${suffix}`);
    if (suffix === 'zh') {
      await form.getByTestId('office-staff-cancel').click();
      await expect(form).toBeHidden();
    }
  }
  await form.getByTestId('office-staff-save').click();
  const pin = (await page.getByTestId('office-one-time-pin').textContent())!.trim();
  expect(pin).toMatch(/^\d{6}$/);
  await page.getByTestId('office-one-time-done').click();
  const row = staff.locator('tr', { hasText: 'rm-north' });
  await expect(row.getByText('North Branch')).toBeVisible();
  await expect(page.locator('[class*="-motion-"]')).toHaveCount(0);
  await both(page, 'staff', async () => {
    await expect(row.getByText(/待设置 PIN|PIN to set/)).toBeVisible();
    await inkSettled(page);
  });
  const listed = await office.api('GET', '/api/office/staff', { token: await office.login() });
  expect(listed.body.staff.find((s: { staffId: string }) => s.staffId === 'rm-north')).toMatchObject({ role: 'regional_manager', pinChangePending: true });

  // The regional manager's first sign-in: the one-time PIN, then a PIN of their own.
  await page.getByTestId('office-sign-out').click();
  await page.getByTestId('office-staff-id').fill('rm-north');
  await page.getByTestId('office-pin').fill(pin);
  await page.getByTestId('office-sign-in-submit').click();
  await expect(page.getByTestId('office-first-pin')).toBeVisible();
  await page.getByTestId('office-new-pin').fill('123456');
  await page.getByTestId('office-new-pin-again').fill('123456');
  await page.getByTestId('office-first-pin-submit').click();
  await expect(page.getByTestId('office-first-pin').getByRole('alert')).toBeVisible();
  await page.getByTestId('office-new-pin').fill('246813');
  await page.getByTestId('office-new-pin-again').fill('246813');
  await page.getByTestId('office-first-pin-submit').click();

  const table = page.getByTestId('office-branches');
  await expect(table.locator('tr', { hasText: 'North Branch' }).locator('td').nth(2)).toHaveText('4');
  await expect(table.locator('tr', { hasText: 'South Branch' })).toHaveCount(0);
  await expect(page.getByTestId('office-tab-staff')).toHaveCount(0);
  await both(page, 'regional', async () => {
    await expect(page.getByTestId('office-regional-note')).toBeVisible();
    await inkSettled(page);
  });
  await page.getByTestId('office-tab-reports').click();
  const report = page.getByTestId('office-report-table');
  await expect(report.locator('tr', { hasText: 'North Branch' }).locator('td').nth(1)).toHaveText('5');
  await expect(report.locator('tr', { hasText: 'South Branch' })).toHaveCount(0);
});
