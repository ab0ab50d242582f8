// The admin's calendar of day kinds (issue 15) on /admin#branch: the defaults and today's kind
// are shown, a month end and a holiday eve are saved and kept across a reload, a date that
// does not exist is marked and cannot be saved. Screenshots zh-CN and en go to
// tests/e2e/screenshots/. The hub is shared with the other specs: the calendar goes back to
// the defaults.
import { expect, test, type APIRequestContext } from './test.js';
import { DEMO_PIN, hubUrl, openScreen, shot, signIn } from './screens.js';

const DEFAULTS = { pensionDays: [13], pensionOnWeekend: 'same_day', monthEndDays: 2, holidayEves: [] as string[] };

async function putCalendar(request: APIRequestContext, body: unknown) {
  const login = await request.post(hubUrl('/api/auth/login'), { data: { staffId: 'admin', pin: DEMO_PIN } });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return request.put(hubUrl('/api/settings/calendar'), { data: body, headers: { Authorization: `Bearer ${token}` } });
}

test.afterAll(async ({ request }) => {
  expect((await putCalendar(request, DEFAULTS)).status()).toBe(200);
});

test('an admin marks month ends and holiday eves; a date that does not exist is refused plainly', async ({ browser }) => {
  const admin = await openScreen(browser, '/admin#branch');
  await signIn(admin, 'admin');
  const card = admin.getByTestId('calendar-settings');
  const monthEnd = card.locator('input#calendar-month-end');
  const eves = card.getByTestId('calendar-holiday-eves');
  const save = card.getByTestId('save-calendar');
  await expect(card).toContainText('营业日类型（候时估算）');
  await expect(card.getByTestId('calendar-pension-days')).toContainText('13 日');
  await expect(card.getByTestId('calendar-today')).toContainText(/今天（\d{4}-\d{2}-\d{2}）：(普通营业日|月末|养老金发放日)/);
  await expect(monthEnd).toHaveValue('2');
  await expect(save).toBeDisabled();

  // Three month-end days and National Day's eve: saved, said so, kept after a reload.
  await monthEnd.fill('3');
  await eves.locator('input').fill('2026-09-30');
  await eves.locator('input').press('Enter');
  await expect(eves).toContainText('2026-09-30');
  await save.click();
  await expect(admin.locator('.ant-message')).toContainText('已保存：候时估算将按新的营业日类型重新学习。');
  await admin.reload();
  await expect(monthEnd).toHaveValue('3');
  await expect(eves).toContainText('2026-09-30');
  await expect(save).toBeDisabled();

  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(admin, 'admin-calendar-zh');
  await admin.getByRole('button', { name: 'English' }).click();
  await expect(card).toContainText('Kinds of business day (wait estimates)');
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(admin, 'admin-calendar-en');
  await admin.getByRole('button', { name: '中文' }).click();

  // 30 February: marked, said why, not savable.
  await eves.locator('input').fill('2026-02-30');
  await eves.locator('input').press('Enter');
  await expect(card).toContainText('日期格式应为 YYYY-MM-DD，且须是真实日期：2026-02-30');
  await expect(save).toBeDisabled();
  await admin.reload();
  await expect(eves).not.toContainText('2026-02-30');
});
