// The admin's imports tab in Chromium against a real hub: a VIP register saved by Excel on a
// Chinese Windows (GBK, a note with a line break), an appointments workbook (.xlsx); the
// preview with its problems by line, in both languages; only the valid rows imported; the
// booked codes downloaded as a CSV with no phone in it.
import { readFile } from 'node:fs/promises';
import { expect, test } from './test.js';
import iconv from 'iconv-lite';
import { xlsx } from '../fixtures/xlsx.js';
import { api, chinese, english, login } from './kiosk-support.js';
import { openScreen, shot, signIn } from './screens.js';

const VIEW = { width: 1440, height: 1200 };

const REGISTER = iconv.encode(
  [
    '称呼,卡号,手机号,备注,标签',
    '王先生,6222020000000011,,"喜欢靠窗座位\n听力不好请大声",理财;年金',
    '李女士,,13800000021,,',
    '赵先生,12345,,,',
    '钱女士,,13800000021,,', // 李女士's phone again
  ].join('\r\n'),
  'gbk',
);

test('the admin previews a GBK register with its problems, then imports only its valid rows', async ({ browser }) => {
  const page = await openScreen(browser, '/admin#imports', VIEW);
  await signIn(page, 'admin');
  const box = page.getByTestId('vip-import');
  await expect(box).toBeVisible();
  await shot(page, 'admin-imports-empty-zh');
  await english(page);
  await expect(box).toContainText('Import the VIP register');
  await shot(page, 'admin-imports-empty-en');
  await chinese(page);

  await box.locator('input[type=file]').setInputFiles({ name: '贵宾名单.csv', mimeType: 'text/csv', buffer: REGISTER });
  await expect(box.getByTestId('vip-import-summary')).toHaveText('CSV 文件（GBK 编码）。可导入 2 行，有问题的 2 行。');
  const sample = box.getByTestId('vip-import-sample');
  await expect(sample).toContainText('王先生');
  await expect(sample).toContainText('…0011');
  await expect(sample).toContainText('喜欢靠窗座位');
  await expect(sample).not.toContainText('13800000021');
  // 王先生's note spans lines 2–3, so 李女士 is on line 4, 赵先生 on line 5 and 钱女士 on line 6.
  const problems = box.getByTestId('vip-import-problems');
  await expect(problems).toContainText('第 5 行：卡号必须是 12 到 19 位数字。');
  await expect(problems).toContainText('第 6 行：这个手机号与第 4 行重复。');
  await expect(box.getByTestId('vip-import-submit')).toBeDisabled();
  await shot(page, 'admin-imports-preview-errors-zh');

  await english(page);
  await expect(box.getByTestId('vip-import-summary')).toHaveText('A CSV file (GBK). 2 rows can be imported; 2 lines have problems.');
  await expect(problems).toContainText('Line 5: the card number must be 12 to 19 digits.');
  await expect(problems).toContainText('Line 6: the same phone number is on line 4.');
  await shot(page, 'admin-imports-preview-errors-en');
  await chinese(page);

  await box.getByTestId('vip-import-only-valid').click();
  await box.getByTestId('vip-import-submit').click();
  await expect(box.getByTestId('vip-import-result')).toHaveText('已导入 2 位贵宾客户，跳过 2 行。');
  const manager = await login('manager');
  expect((await api('POST', '/api/kiosk/check-in/vip', manager, { phone: '13800000021' })).status).toBe(200);
  await page.context().close();
});

test('the admin imports appointments from an .xlsx and downloads their codes', async ({ browser }) => {
  const page = await openScreen(browser, '/admin#imports', VIEW);
  await signIn(page, 'admin');
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = new Date(Date.UTC(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate()));
  const time = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));
  const workbook = xlsx([
    ['业务', '日期', '时间', '手机号'],
    ['现金业务', day, time(9, 30), '13900000031'],
    ['对公业务', day, time(10, 15), null],
    ['彩票', day, time(11, 0), null],
    ['B', new Date(Date.UTC(2020, 0, 2)), time(11, 0), null],
  ]);
  const box = page.getByTestId('appointment-import');
  await box.locator('input[type=file]').setInputFiles({ name: '预约.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  await expect(box.getByTestId('appointment-import-summary')).toHaveText('Excel 工作簿（第一个工作表）。可导入 2 行，有问题的 2 行。');
  await expect(box.getByTestId('appointment-import-sample')).toContainText('现金业务');
  await expect(box.getByTestId('appointment-import-sample')).toContainText('09:30');
  await expect(box.getByTestId('appointment-import-problems')).toContainText('第 4 行：没有这项业务');
  await expect(box.getByTestId('appointment-import-problems')).toContainText('第 5 行：预约时间已经过去。');
  await box.scrollIntoViewIfNeeded();
  await shot(page, 'admin-imports-appointments-preview-zh');
  await english(page);
  await expect(box.getByTestId('appointment-import-problems')).toContainText('Line 5: the time is in the past.');
  await shot(page, 'admin-imports-appointments-preview-en');
  await chinese(page);

  await box.getByTestId('appointment-import-only-valid').click();
  await box.getByTestId('appointment-import-submit').click();
  await expect(box.getByTestId('appointment-import-result')).toContainText('已生成 2 个预约码，跳过 2 行。');
  const codes = box.getByTestId('appointment-codes');
  await expect(codes.locator('code')).toHaveCount(2);
  await shot(page, 'admin-imports-appointment-codes-zh');
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByTestId('appointment-codes-download').click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const first = (await codes.locator('code').first().textContent())!;
  expect(csv).toContain(first);
  expect(csv).toContain('现金业务');
  expect(csv).not.toContain('13900000031');

  await english(page);
  await expect(box.getByTestId('appointment-import-result')).toContainText('2 appointment codes made; 2 lines left out.');
  await shot(page, 'admin-imports-appointment-codes-en');
  await page.context().close();
});
