// The admin screen lists a staff ID locked after wrong PINs, with the address it is locked for,
// and lifts the lock with a click.
import { expect, test } from './test.js';
import { hubUrl, openScreen, signIn } from './screens.js';

test('an admin sees a locked staff ID and unlocks it', async ({ browser, request }) => {
  const login = (pin: string) => request.post(hubUrl('/api/auth/login'), { data: { staffId: 'teller5', pin } });
  const wrong = await Promise.all(Array.from({ length: 6 }, () => login('123456')));
  expect(wrong.map((r) => r.status()).sort()).toEqual([401, 401, 401, 401, 401, 429]);
  expect((await login('000000')).status()).toBe(429);

  const admin = await openScreen(browser, '/admin#staff');
  await signIn(admin, 'admin');
  const card = admin.getByTestId('staff-locks');
  await expect(card).toContainText('已锁定的工号');
  await expect(card.locator('tr', { hasText: 'teller5' })).toContainText('柜员');
  // The lock holds for the address the wrong PINs came from.
  await expect(card.locator('tr', { hasText: 'teller5' })).toContainText('127.0.0.1');
  await expect(card).toContainText('锁定的终端地址');
  await card.getByTestId('unlock-teller5').click();
  await expect(card).toContainText('当前没有被锁定的工号');
  await admin.getByRole('button', { name: 'English' }).click();
  await expect(card).toContainText('No staff ID is locked');

  expect((await login('000000')).status()).toBe(200);
});
