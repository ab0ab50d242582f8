// Helpers for the e2e: one browser context per device (each has its own localStorage, as
// separate terminals would), sign-in, and screenshots into tests/e2e/screenshots/.
import { expect, type Browser, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const DEMO_PIN = '000000';
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * The bound for the first state of a new browser context: it parses the whole renderer (one
 * 2 MB chunk until it is split by role), and a sign-in checks a PIN hash on the hub, which is
 * CPU work. On a machine loaded by other work that took more than the default 5 s, so only
 * that first state gets a longer bound; every later wait keeps the default, and every wait is
 * for a state, never a sleep.
 */
export const FIRST_PAINT = { timeout: 30_000 };

export function hubUrl(path = '/'): string {
  const base = process.env.ATRIUM_E2E_URL;
  if (!base) throw new Error('ATRIUM_E2E_URL is not set: run through tests/e2e/playwright.config.ts');
  return new URL(path, base).toString();
}

export async function openScreen(browser: Browser, path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(hubUrl(path));
  return page;
}

export async function signIn(page: Page, staffId: string, pin = DEMO_PIN): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name=staffId]').fill(staffId);
  await form.locator('input[name=pin]').fill(pin);
  await form.locator('button[type=submit]').click();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

/** Registers a device on the admin screen and returns its pairing link (same origin). */
export async function registerDevice(admin: Page, role: 'kiosk' | 'display' | 'manager' | 'counter', name: string): Promise<string> {
  const form = admin.getByTestId('register-device');
  await form.locator('select[name=role]').selectOption(role);
  await form.locator('input[name=name]').fill(name);
  await form.locator('button[type=submit]').click();
  const result = admin.getByTestId('pairing-result');
  await expect(result).toHaveAttribute('data-role', role);
  const href = await admin.getByTestId('pairing-link').getAttribute('href');
  if (!href) throw new Error('no pairing link');
  return href;
}
