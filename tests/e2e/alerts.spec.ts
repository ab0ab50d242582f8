// Issue 13 on the manager's screens: alerts in order of urgency (a kiosk's green-channel and
// help requests first, with the kiosk's name and the reason, a chime and a count in the
// header; routine estimates grouped; a repeated request counted), the paired tablet that reads
// only and offers "sign in to act", the signature dialog that keeps a wrong PIN's error, and
// the way back from /records to the console. Every wait is for a state, never for a time.
import { expect, test, type Browser, type Page } from './test.js';
import { api, english, chinese, login } from './kiosk-support.js';
import { FIRST_PAINT, hubUrl, openScreen, shot, signIn } from './screens.js';

const KIOSK_NAME = '大厅取号机 3';
let admin: string;
let manager: string;
let kiosk: string;
const issued: string[] = [];

type AlertJson = { id: string; kind: string; acknowledgedAt: number | null; resolvedAt: number | null };
const openAlerts = async (): Promise<AlertJson[]> =>
  (await api<{ alerts: AlertJson[] }>('GET', '/api/alerts', manager)).body.alerts.filter((a) => a.acknowledgedAt === null && a.resolvedAt === null);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await login('admin');
  manager = await login('manager');
  const reg = await api<{ pairingCode: string }>('POST', '/api/devices', admin, { role: 'kiosk', name: KIOSK_NAME });
  kiosk = (await api<{ token: string }>('POST', '/api/devices/pair', null, { pairingCode: reg.body.pairingCode })).body.token;
  // Other specs share the hub: start with no urgent or one-off alert open. Routine ones stay:
  // the watcher would not raise an acknowledged estimate again while it holds.
  const routine = new Set(['estimate_over_threshold', 'wait_over_target', 'counter_idle']);
  for (const a of await openAlerts()) if (!routine.has(a.kind)) await api('POST', `/api/alerts/${a.id}/ack`, manager);
});

// Counters this spec opened, to close again: an estimate alert is only raised for a service
// someone serves now (a closed one says when it opens instead, issue 15).
const opened: { counter: string; token: string }[] = [];

test.afterAll(async () => {
  // The tickets issued here would lengthen every later spec's queues.
  for (const id of issued) await api('POST', `/api/tickets/${id}/cancel`, manager);
  for (const { counter, token } of opened) await api('POST', `/api/counters/${counter}/close`, token);
});

/** Counter 6 (VIP, corporate) and 5 (non-cash first) open, unless already open (409 counter_taken: served anyway). */
async function serveCorporateAndNoncash(): Promise<void> {
  for (const [counter, teller] of [['6', 'teller6'], ['5', 'teller5']] as const) {
    const token = await login(teller);
    const res = await api<{ error?: { code: string } }>('POST', `/api/counters/${counter}/open`, token);
    if (res.status === 200) opened.push({ counter, token });
    else expect(res.body.error?.code).toBe('counter_taken');
  }
}

async function managerConsole(browser: Browser): Promise<Page> {
  const page = await openScreen(browser, '/manager');
  await expect(page.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(page, 'manager');
  await expect(page.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
  return page;
}

test('urgent alerts first, with the kiosk name, the reason, a chime and the count in the header; routine ones grouped', async ({ browser }) => {
  const page = await managerConsole(browser);
  await serveCorporateAndNoncash();
  // Queues long enough that two services' estimates pass the threshold: one group of two.
  await expect
    .poll(
      async () => {
        for (const service of ['corporate', 'noncash']) issued.push((await api<{ ticket: { id: string } }>('POST', '/api/tickets', kiosk, { service })).body.ticket.id);
        return (await openAlerts()).filter((a) => a.kind === 'estimate_over_threshold').length;
      },
      // Each round adds two tickets: a state reached after some rounds, however loaded the machine.
      { intervals: [100], timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
  // The help request, acknowledged, then asked again: one row saying twice.
  expect((await api('POST', '/api/kiosk/help', kiosk, { choice: 'self_service' })).status).toBe(200);
  const help = (await openAlerts()).find((a) => a.kind === 'kiosk_help')!;
  expect((await api('POST', `/api/alerts/${help.id}/ack`, manager)).status).toBe(200);
  expect((await api('POST', '/api/kiosk/green-channel', kiosk, { reason: 'elderly' })).status).toBe(200);
  expect((await api('POST', '/api/kiosk/help', kiosk, { choice: 'self_service' })).status).toBe(200);

  const rows = page.getByTestId('open-alerts').locator('.ant-list-item');
  await expect(rows.nth(0)).toHaveAttribute('data-kind', 'green_channel_request');
  await expect(rows.nth(0)).toContainText(`${KIOSK_NAME}：绿色通道请求（老年客户）`);
  await expect(rows.nth(1)).toHaveAttribute('data-kind', 'kiosk_help');
  await expect(rows.nth(1)).toContainText(`${KIOSK_NAME}：客户请求帮助（查余额、小额取款）`);
  await expect(rows.nth(1)).toContainText('共 2 次');
  // Never the device's id.
  await expect(page.getByTestId('open-alerts')).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(page.getByTestId('urgent-badge')).toHaveText('紧急 2');
  await expect(page.getByTestId('alert-chime')).not.toHaveAttribute('data-played', '0');
  const estimates = page.getByTestId('open-alerts').locator('[data-kind=estimate_over_threshold]');
  await expect(estimates).toHaveCount(1);
  await expect(estimates.getByTestId('alert-group')).toContainText(/另有 \d+ 条同类提醒/);
  await expect(estimates.getByTestId('ack')).toHaveText('全部知道了');
  await shot(page, 'manager-alerts-urgent-zh');

  await english(page);
  await expect(rows.nth(0)).toContainText(`${KIOSK_NAME}: green-channel request (older customer)`);
  await expect(rows.nth(1)).toContainText('2 times');
  await expect(page.getByTestId('urgent-badge')).toHaveText('Urgent 2');
  await shot(page, 'manager-alerts-urgent-en');
  await chinese(page);

  // Answering the green channel takes it out of the urgent count at once.
  await rows.nth(0).getByTestId('ack').click();
  await expect(page.getByTestId('urgent-badge')).toHaveText('紧急 1');
  // The group is acknowledged together.
  await estimates.getByTestId('ack').click();
  await expect(page.getByTestId('open-alerts').locator('[data-kind=estimate_over_threshold]')).toHaveCount(0);
  await page.context().close();
});

test('the paired tablet reads only, then acts once a manager signs in on it, and reads only again after sign-out', async ({ browser }) => {
  const reg = await api<{ pairingCode: string }>('POST', '/api/devices', admin, { role: 'manager', name: '大堂平板' });
  const page = await openScreen(browser, `/manager?pair=${reg.body.pairingCode}`);
  await expect(page.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  await expect(page.getByTestId('queue-table')).toBeVisible();
  await expect(page.getByTestId('counter-table')).toBeVisible();
  await expect(page.getByTestId('alert-list')).toBeVisible();
  // No button the hub would refuse it with a 403.
  await expect(page.getByTestId('triage')).toHaveCount(0);
  await expect(page.getByTestId('ack')).toHaveCount(0);
  await expect(page.getByTestId('edit-services')).toHaveCount(0);
  await expect(page.getByTestId('sign-in-to-act')).toHaveText('登录后操作');
  // Signing the tablet itself out would unpair it: only a person signs out.
  await expect(page.getByRole('button', { name: '退出' })).toHaveCount(0);
  await shot(page, 'manager-tablet-read-only-zh');
  await english(page);
  await expect(page.getByTestId('sign-in-to-act')).toHaveText('Sign in to act');
  await shot(page, 'manager-tablet-read-only-en');
  await chinese(page);

  await page.getByTestId('sign-in-to-act').click();
  await signIn(page, 'manager');
  await expect(page.getByTestId('triage')).toBeVisible();
  await expect(page.getByTestId('sign-in-to-act')).toHaveCount(0);
  await expect(page.getByTestId('edit-services').first()).toBeVisible();

  await page.getByRole('button', { name: '退出' }).click();
  // Back on the tablet's own token: read-only, not the pairing form.
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  await expect(page.getByTestId('triage')).toHaveCount(0);
  await page.context().close();
});

test('a wrong PIN at the signature pad keeps the dialog open with a plain sentence; the right one signs', async ({ browser }) => {
  const text = `签字测试 ${Date.now()}`;
  const opinion = (await api<{ opinion: { id: string } }>('POST', '/api/opinions', manager, { theme: 'waiting', text })).body.opinion;
  expect((await api('POST', `/api/opinions/${opinion.id}/reply`, manager, { reply: '已改进' })).status).toBe(200);
  const page = await openScreen(browser, '/supervisor');
  await expect(page.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(page, 'supervisor');
  await expect(page.getByTestId('awaiting')).toBeVisible(FIRST_PAINT);
  const item = page.getByTestId('await-opinion').filter({ hasText: text });
  const dialog = page.locator('.sign-dialog .ant-modal');
  const ok = dialog.locator('.ant-modal-footer .ant-btn-primary');

  await item.getByTestId('sign-opinion').click();
  await dialog.getByTestId('sign-pin').fill('135790');
  await ok.click();
  await expect(dialog.getByTestId('sign-error')).toHaveText('密码不正确，请输入您本人的密码签字');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('sign-pin')).toBeFocused();
  await shot(page, 'supervisor-sign-wrong-pin-zh');

  await dialog.locator('.ant-modal-footer .ant-btn').first().click();
  await expect(dialog).toBeHidden();
  await english(page);
  await item.getByTestId('sign-opinion').click();
  // Reopened, the dialog starts without the old error.
  await expect(dialog.getByTestId('sign-error')).toHaveText('');
  await dialog.getByTestId('sign-pin').fill('135790');
  await ok.click();
  await expect(dialog.getByTestId('sign-error')).toHaveText('That PIN is not right: sign with your own PIN.');
  await shot(page, 'supervisor-sign-wrong-pin-en');

  await dialog.getByTestId('sign-pin').fill('000000');
  await ok.click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);
  await page.context().close();
});

test('/records leads back to the console it came from', async ({ browser }) => {
  const page = await managerConsole(browser);
  await page.getByTestId('records-link').click();
  await expect(page).toHaveURL(hubUrl('/records'));
  const back = page.getByTestId('back-to-console');
  await expect(back).toHaveText('返回工作台');
  await expect(page.locator('h1')).toHaveText('营业记录');
  await shot(page, 'records-back-link-zh');
  await english(page);
  await expect(back).toHaveText('Back to the console');
  await expect(page.locator('h1')).toHaveText('Lobby records');
  await shot(page, 'records-back-link-en');
  await chinese(page);
  await back.click();
  await expect(page.getByTestId('manager-console')).toBeVisible();
  // The console's own link reads in one language, as the supervisor's does.
  await expect(page.getByTestId('records-link')).toHaveText('营业记录与报表');
  await page.context().close();
});
