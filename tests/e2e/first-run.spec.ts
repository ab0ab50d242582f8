// A terminal's first run: the Electron shell opens /pair; the code an admin made for a kiosk
// turns this page into the kiosk, and a spent code is refused in a plain sentence.
import { expect, test } from './test.js';
import { openScreen, registerDevice, shot, signIn } from './screens.js';

test('the first-run page pairs by code and opens the screen of its role', async ({ browser }) => {
  const admin = await openScreen(browser, '/admin');
  await signIn(admin, 'admin');
  const link = await registerDevice(admin, 'kiosk', '取号机 2');
  const code = new URL(link).searchParams.get('pair') ?? '';

  const terminal = await openScreen(browser, '/pair');
  await expect(terminal.getByRole('heading', { level: 1 })).toContainText('配对');
  await terminal.locator('input[name=pairingCode]').fill(code);
  await shot(terminal, 'first-run-pair');
  await terminal.locator('button[type=submit]').click();
  await expect(terminal).toHaveURL(/\/kiosk$/);
  await expect(terminal.locator('[data-service=cash]')).toBeVisible();

  const again = await openScreen(browser, '/pair');
  await again.getByRole('button', { name: 'English' }).click();
  await again.locator('input[name=pairingCode]').fill(code);
  await again.locator('button[type=submit]').click();
  await expect(again.getByRole('alert')).toBeVisible();
  await shot(again, 'first-run-refused-en');
  await expect(again).toHaveURL(/\/pair$/);
});
