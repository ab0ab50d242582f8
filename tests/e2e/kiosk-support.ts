// Helpers of the kiosk e2e: the hub's API from the test (admin set-up, alerts), a kiosk paired
// in its own browser context, and the kiosk's fake TCP printer.
import { expect, type Browser, type Page } from '@playwright/test';
import { hubUrl } from './screens.js';

export async function api<T = any>(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(hubUrl(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function login(staffId: string): Promise<string> {
  const res = await api<{ token: string }>('POST', '/api/auth/login', null, { staffId, pin: '000000' });
  expect(res.status).toBe(200);
  return res.body.token;
}

export interface PairedKiosk {
  page: Page;
  deviceId: string;
}

/** Registers a kiosk and opens it paired, in its own context at the given screen size. */
export async function pairKiosk(browser: Browser, admin: string, name: string, viewport: { width: number; height: number }, init?: () => void): Promise<PairedKiosk> {
  const reg = await api<{ deviceId: string; pairingCode: string }>('POST', '/api/devices', admin, { role: 'kiosk', name });
  expect(reg.status).toBe(200);
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(hubUrl(`/kiosk?pair=${reg.body.pairingCode}`));
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  return { page, deviceId: reg.body.deviceId };
}

export async function openAlerts(manager: string): Promise<{ kind: string; device: string | null; ticket: string | null; details: Record<string, unknown>; closedAt?: string | null; resolvedAt?: string | null }[]> {
  const res = await api<{ alerts: never[] }>('GET', '/api/alerts', manager);
  expect(res.status).toBe(200);
  return res.body.alerts;
}

export async function english(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
}

export async function chinese(page: Page): Promise<void> {
  await page.getByRole('button', { name: '中文' }).click();
}
